import type { ClickHouseClient } from '@clickhouse/client';
import {
  AlertHistoryRepository,
  AlertSignalsRepository,
  createClickHouseClient,
  describeTarget,
  loadMigrations,
  ReportStore,
  runMigrations,
  ScopeMetricsRepository,
  TicketStore,
  WorkflowKpiRepository,
} from '@grid-command/clickhouse';
import { openTicket, type TicketRules } from '@grid-command/domain';
import { alertRulesFileSchema, type AlertRulesFile } from '@grid-command/contracts';
import { AlertStore, createRedis } from '@grid-command/queue';
import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { ConnectionsLifecycle } from './connections-lifecycle.service';
import { loadReferenceIndex } from './reference-loader';
import { RedisRuntime } from './redis-runtime.service';
import { loadTicketRules } from './ticket-rules-loader';
import { readValidatedJson } from './validated-json-file';
import { ALERT_RULES, APP_CONFIG, CLICKHOUSE_CLIENT, REDIS_PRODUCER, REDIS_TARGET, REFERENCE_INDEX, TICKET_RULES } from './tokens';

/** Config, stores and reference data, shared by every capability module of the process. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, redis: RedisRuntime): DynamicModule {
    const logger = new Logger(InfrastructureModule.name);
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RedisRuntime, useValue: redis },
        { provide: REDIS_TARGET, useValue: redis.target },
        {
          provide: REDIS_PRODUCER,
          useFactory: async () => {
            const connection = createRedis(redis.target, 'producer', 'producer');
            await new Promise<void>((resolve, reject) => {
              connection.once('ready', resolve);
              connection.once('error', reject);
            });
            return connection;
          },
        },
        {
          provide: CLICKHOUSE_CLIENT,
          useFactory: async (): Promise<ClickHouseClient> => {
            const client = createClickHouseClient(config.clickhouse);
            const applied = await runMigrations(client, await loadMigrations());
            logger.log(`${describeTarget(config.clickhouse)}: ${applied.length} migration(s) applied`);
            return client;
          },
        },
        {
          provide: REFERENCE_INDEX,
          useFactory: async () => {
            const index = await loadReferenceIndex(config.referenceFiles);
            logger.log(`reference data: ${index.districts().map((d) => `${d.name} (${d.code})`).join(', ')}`);
            return index;
          },
        },
        {
          provide: TICKET_RULES,
          useFactory: async (): Promise<TicketRules> => {
            const loaded = await loadTicketRules(config.tickets.slaPolicyFile, config.tickets.workCalendarFile, config.timeZone, new Date());
            loaded.warnings.forEach((warning) => logger.warn(warning));
            return loaded.rules;
          },
        },
        {
          provide: ReportStore,
          useFactory: (client: ClickHouseClient, rules: TicketRules) => new ReportStore(client, (report) => openTicket(report, rules)),
          inject: [CLICKHOUSE_CLIENT, TICKET_RULES],
        },
        { provide: TicketStore, useFactory: (client: ClickHouseClient) => new TicketStore(client), inject: [CLICKHOUSE_CLIENT] },
        {
          provide: WorkflowKpiRepository,
          useFactory: (client: ClickHouseClient) => new WorkflowKpiRepository(client),
          inject: [CLICKHOUSE_CLIENT],
        },
        {
          provide: ScopeMetricsRepository,
          useFactory: (client: ClickHouseClient) => new ScopeMetricsRepository(client),
          inject: [CLICKHOUSE_CLIENT],
        },
        {
          provide: ALERT_RULES,
          useFactory: (): Promise<AlertRulesFile> => readValidatedJson(config.alerts.rulesFile, 'ALERT_RULES_FILE', alertRulesFileSchema),
        },
        { provide: AlertStore, useFactory: (redisConnection: Redis) => new AlertStore(redisConnection), inject: [REDIS_PRODUCER] },
        {
          provide: AlertHistoryRepository,
          useFactory: (client: ClickHouseClient) => new AlertHistoryRepository(client),
          inject: [CLICKHOUSE_CLIENT],
        },
        {
          provide: AlertSignalsRepository,
          useFactory: (client: ClickHouseClient) => new AlertSignalsRepository(client),
          inject: [CLICKHOUSE_CLIENT],
        },
        ConnectionsLifecycle,
      ],
      exports: [
        ALERT_RULES,
        AlertStore,
        AlertHistoryRepository,
        AlertSignalsRepository,
        APP_CONFIG,
        REDIS_TARGET,
        REDIS_PRODUCER,
        CLICKHOUSE_CLIENT,
        REFERENCE_INDEX,
        TICKET_RULES,
        ReportStore,
        ScopeMetricsRepository,
        TicketStore,
        WorkflowKpiRepository,
      ],
    };
  }
}
