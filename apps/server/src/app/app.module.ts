import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { ALERTS } from './alerts';
import { AUDIT } from './audit';
import { modulesFor } from './capability';
import { AccessGuard, AccessPolicyCheck } from './common/access';
import { ApiErrorFilter } from './common/errors/api-error.filter';
import { RateLimitsModule } from './common/rate-limits';
import { TelemetryModule } from './common/telemetry';
import { WellFormedRequestGuard } from './common/well-formed-request.guard';
import { DASHBOARDS } from './dashboards';
import { HEALTH } from './health';
import { IDENTITY } from './identity';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { JobWorkersModule } from './infrastructure/jobs/job-workers.module';
import type { RedisRuntime } from './infrastructure/redis-runtime.service';
import { INGEST } from './ingest';
import { KPIS } from './kpis';
import { LIVE } from './live';
import { OPERATIONS } from './operations';
import { SCOPES } from './scopes';
import { TICKETS } from './tickets';

/** Every capability of the product; each says what it runs in which role. */
export const CAPABILITIES = [HEALTH, AUDIT, IDENTITY, INGEST, TICKETS, ALERTS, KPIS, SCOPES, DASHBOARDS, LIVE, OPERATIONS];

/** The same capabilities in every process; ROLES chooses which of their modules this one runs. */
@Module({})
export class AppModule {
  static forRoles(config: AppConfig, redis: RedisRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, redis),
        TelemetryModule,
        ...(config.roles.has('worker') ? [JobWorkersModule] : []),
        ...modulesFor(config.roles, CAPABILITIES),
        // Request budgets (per ingest key, per principal, failed authentications per address): every process
        // answers requests, a lone worker its /metrics and health.
        DiscoveryModule,
        RateLimitsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        // First, so a caller without a valid credential is answered 401 before its parameters are looked at.
        { provide: APP_GUARD, useClass: AccessGuard },
        AccessPolicyCheck,
        { provide: APP_GUARD, useClass: WellFormedRequestGuard },
      ],
    };
  }
}
