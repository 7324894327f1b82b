import { Module } from '@nestjs/common';
import { AlertBroadcaster } from '../alerts/alert-broadcaster.service';
import { MetricsModule } from '../metrics/metrics.module';
import { LiveGateway } from './live.gateway';
import { LivePublisher } from './live-publisher.service';

@Module({ imports: [MetricsModule], providers: [LiveGateway, LivePublisher, AlertBroadcaster] })
export class LiveModule {}
