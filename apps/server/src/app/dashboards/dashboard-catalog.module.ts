import { Module } from '@nestjs/common';
import { DashboardCatalog } from './dashboard-catalog.service';

/** One catalog per process, shared by the REST route and the live push that tells walls of a change. */
@Module({ providers: [DashboardCatalog], exports: [DashboardCatalog] })
export class DashboardCatalogModule {}
