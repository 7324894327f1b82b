import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { AlertsModule } from './alerts/alerts.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { DashboardsModule } from './dashboards/dashboards.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import type { RedisRuntime } from './infrastructure/redis-runtime.service';
import { IngestModule } from './ingest/ingest.module';
import { KpisModule } from './kpis/kpis.module';
import { LiveModule } from './live/live.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { ScopesModule } from './scopes/scopes.module';
import { TicketsModule } from './tickets/tickets.module';

/** The same modules in every process; ROLES chooses which capabilities this one runs. */
@Module({})
export class AppModule {
  static forRoles(config: AppConfig, redis: RedisRuntime): DynamicModule {
    const capabilities: Type[] = [HealthModule];
    if (config.roles.has('api')) capabilities.push(IngestModule, TicketsModule, AlertsModule, KpisModule, ScopesModule, DashboardsModule);
    if (config.roles.has('worker')) capabilities.push(PipelineModule);
    if (config.roles.has('live')) capabilities.push(LiveModule);
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config, redis), ...capabilities],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
