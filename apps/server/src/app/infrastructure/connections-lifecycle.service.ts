import type { ClickHouseClient } from '@clickhouse/client';
import { JobProducer } from '@grid-command/queue';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { closeRedis } from './close-redis';
import { CLICKHOUSE_CLIENT, REDIS_COMMANDS, REDIS_SUBSCRIBER } from './tokens';

/**
 * Closes the shared connections after every module has stopped: module-destroy hooks (draining the intake,
 * finishing the worker's batch, the relays' last round) still need them, and Nest runs a global module's hooks first.
 */
@Injectable()
export class ConnectionsLifecycle implements BeforeApplicationShutdown {
  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    private readonly jobs: JobProducer,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    // BullMQ leaves a connection it was given open, so the producer's goes with the others.
    await this.jobs.close().catch(() => undefined);
    await Promise.allSettled([closeRedis(this.jobs.connection), closeRedis(this.redis), closeRedis(this.subscriber), this.clickhouse.close()]);
  }
}
