import { Module } from '@nestjs/common';
import { DashboardCatalogModule } from './dashboard-catalog.module';
import { DashboardsController } from './dashboards.controller';
import { PlaylistsController } from './playlists.controller';

@Module({ imports: [DashboardCatalogModule], controllers: [DashboardsController, PlaylistsController] })
export class DashboardsModule {}
