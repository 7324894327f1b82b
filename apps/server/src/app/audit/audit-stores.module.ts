import type { ClickHouseClient } from '@clickhouse/client';
import { AuditLogRepository } from '@grid-command/clickhouse';
import { AuditOutbox } from '@grid-command/queue';
import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CLICKHOUSE_CLIENT, REDIS_COMMANDS } from '../infrastructure/tokens';

/** The audit log's two stores: the Redis outbox entries are appended to, and the ClickHouse table they end in. */
@Module({
  providers: [
    { provide: AuditOutbox, useFactory: (redis: Redis) => new AuditOutbox(redis), inject: [REDIS_COMMANDS] },
    { provide: AuditLogRepository, useFactory: (client: ClickHouseClient) => new AuditLogRepository(client), inject: [CLICKHOUSE_CLIENT] },
  ],
  exports: [AuditOutbox, AuditLogRepository],
})
export class AuditStoresModule {}
