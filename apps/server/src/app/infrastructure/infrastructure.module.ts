import type { ClickHouseClient } from '@clickhouse/client';
import { createClickHouseClient, describeTarget, loadMigrations, runMigrations, type FaultInjection } from '@grid-command/clickhouse';
import { alertRulesFileSchema, type AlertRulesFile } from '@grid-command/contracts';
import type { TicketRules } from '@grid-command/domain';
import { createRedis, JobProducer } from '@grid-command/queue';
import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { reportOutages } from './connection-outages';
import { ConnectionsLifecycle } from './connections-lifecycle.service';
import { PipelineRatesFlusher } from './pipeline-rates-flusher.service';
import { loadReferenceIndex } from './reference-loader';
import { RedisRuntime } from './redis-runtime.service';
import { STORE_PROVIDERS, STORE_TOKENS } from './store-providers';
import { loadTicketRules } from './ticket-rules-loader';
import { ALERT_RULES, APP_CONFIG, CLICKHOUSE_CLIENT, REDIS_COMMANDS, REDIS_SUBSCRIBER, REDIS_TARGET, REFERENCE_INDEX, TICKET_RULES } from './tokens';
import { readValidatedJson } from './validated-json-file';

/** Resolves once the connection is ready; fails with its first error. */
async function connected(connection: Redis): Promise<Redis> {
  await new Promise<void>((resolve, reject) => {
    connection.once('ready', resolve);
    connection.once('error', reject);
  });
  return connection;
}

/** The test hook's faults, announced loudly: a server that plays them must never be mistaken for a real one. */
function faultInjectionOf(config: AppConfig, logger: Logger): FaultInjection | undefined {
  if (config.faultInjectionFile === null) return undefined;
  logger.warn(`FAULT INJECTION IS ON: ClickHouse inserts and pings play the faults in ${config.faultInjectionFile} (FAULT_INJECTION_FILE); never in production`);
  return { file: config.faultInjectionFile, warn: (message) => logger.warn(message) };
}

/**
 * Config, connections, stores and reference data, each built once per process and shared by every capability
 * module. Connections are closed by `ConnectionsLifecycle` after every capability has stopped.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, redis: RedisRuntime): DynamicModule {
    const logger = new Logger(InfrastructureModule.name);
    const watched = (connection: Redis): Redis => {
      reportOutages(connection, connection.options.connectionName ?? 'a Redis connection', logger);
      return connection;
    };
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RedisRuntime, useValue: redis },
        { provide: REDIS_TARGET, useValue: redis.target },
        { provide: REDIS_COMMANDS, useFactory: () => connected(watched(createRedis(redis.target, 'producer', 'commands'))) },
        { provide: REDIS_SUBSCRIBER, useFactory: () => watched(createRedis(redis.target, 'consumer', 'subscriber')) },
        {
          provide: JobProducer,
          useFactory: async () => {
            const producer = new JobProducer(watched(createRedis(redis.target, 'producer', 'job-producer')));
            await producer.ready();
            return producer;
          },
        },
        {
          provide: CLICKHOUSE_CLIENT,
          useFactory: async (): Promise<ClickHouseClient> => {
            const client = createClickHouseClient(config.clickhouse, faultInjectionOf(config, logger));
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
          provide: ALERT_RULES,
          useFactory: (): Promise<AlertRulesFile> => readValidatedJson(config.alerts.rulesFile, 'ALERT_RULES_FILE', alertRulesFileSchema),
        },
        ...STORE_PROVIDERS,
        PipelineRatesFlusher,
        ConnectionsLifecycle,
      ],
      exports: [
        APP_CONFIG,
        RedisRuntime,
        REDIS_TARGET,
        REDIS_COMMANDS,
        REDIS_SUBSCRIBER,
        JobProducer,
        CLICKHOUSE_CLIENT,
        REFERENCE_INDEX,
        TICKET_RULES,
        ALERT_RULES,
        ...STORE_TOKENS,
      ],
    };
  }
}
