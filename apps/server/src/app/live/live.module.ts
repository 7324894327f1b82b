import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics';
import { AlertPush } from './alert-push.service';
import { LiveGateway } from './live.gateway';
import { LivePublisher } from './live-publisher.service';

/** socket.io for the screens: scope snapshots on a schedule and alert changes as they happen. */
@Module({ imports: [MetricsModule], providers: [LiveGateway, LivePublisher, AlertPush] })
export class LiveModule {}
