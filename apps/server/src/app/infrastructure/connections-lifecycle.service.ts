import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CLICKHOUSE_CLIENT, REDIS_PRODUCER } from './tokens';

/** Closes the shared connections after every module using them has stopped. */
@Injectable()
export class ConnectionsLifecycle implements OnModuleDestroy {
  constructor(
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.clickhouse.close()]);
  }
}
