import { Module } from '@nestjs/common';
import { DashboardsController } from './dashboards.controller';
import { PlaylistsController } from './playlists.controller';

@Module({ controllers: [DashboardsController, PlaylistsController] })
export class DashboardsModule {}
