import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { LiveGateway } from './live.gateway';
import { LivePublisher } from './live-publisher.service';

@Module({ imports: [MetricsModule], providers: [LiveGateway, LivePublisher] })
export class LiveModule {}
