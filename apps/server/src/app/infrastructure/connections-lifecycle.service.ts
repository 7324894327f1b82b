import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CLICKHOUSE_CLIENT, REDIS_PRODUCER } from './tokens';

/**
 * Closes the shared connections after every module has stopped: module-destroy hooks (draining the intake,
 * finishing the worker's batch) still need them, and Nest runs a global module's hooks first.
 */
@Injectable()
export class ConnectionsLifecycle implements BeforeApplicationShutdown {
  constructor(
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.clickhouse.close()]);
  }
}
