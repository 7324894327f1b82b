import { Module } from '@nestjs/common';
import { RateLimitsModule } from '../common/rate-limits';
import { DashboardCatalogModule } from '../dashboards';
import { KpiComputationModule } from '../kpis';
import { MetricsModule } from '../metrics';
import { AlertPush } from './alert-push.service';
import { LayoutPush } from './layout-push.service';
import { KpiPublisher } from './kpi-publisher.service';
import { LiveHandshake } from './live-handshake.service';
import { LiveSessions } from './live-sessions.service';
import { LiveGateway } from './live.gateway';
import { LivePublisher } from './live-publisher.service';
import { ScreenRegistrar } from './screen-registrar.service';
import { WallCommandRelay } from './wall-command-relay.service';
import { WallGateway } from './wall.gateway';

/** socket.io for the screens: who may connect, scope snapshots on a schedule, workflow KPIs and alert changes as they happen. */
@Module({
  imports: [MetricsModule, KpiComputationModule, RateLimitsModule, DashboardCatalogModule],
  providers: [LiveGateway, LiveHandshake, LiveSessions, LivePublisher, KpiPublisher, AlertPush, ScreenRegistrar, LayoutPush, WallGateway, WallCommandRelay],
})
export class LiveModule {}
