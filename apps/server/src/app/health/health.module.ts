import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { StoreProbes } from './store-probes.service';

@Module({ controllers: [HealthController, MetricsController], providers: [StoreProbes] })
export class HealthModule {}
