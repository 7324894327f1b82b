import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PipelineMetrics } from '../common/telemetry';
import { RedisRuntime } from '../infrastructure/redis-runtime.service';
import { pingClickHouse, pingRedis, storeProblem } from '../infrastructure/store-probes';
import { CLICKHOUSE_CLIENT, REDIS_COMMANDS } from '../infrastructure/tokens';

const PROBE_TIMEOUT_MS = 2_000;
/** Read from memory, so not cached. */
const IN_MEMORY = 0;

/**
 * `gridcommand_redis_up` and `gridcommand_clickhouse_up`: a PING and a ping, read through the gauges' cache when
 * scraped; `gridcommand_redis_restarts_total` from the embedded redis-server's supervision, in memory.
 */
@Injectable()
export class StoreProbes implements OnModuleInit {
  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
    private readonly metrics: PipelineMetrics,
    private readonly runtime: RedisRuntime,
  ) {}

  onModuleInit(): void {
    this.metrics.redisUp.sampleFrom(() => answers(pingRedis(this.redis)));
    this.metrics.clickhouseUp.sampleFrom(() => answers(pingClickHouse(this.clickhouse)));
    this.metrics.redisRestarts.sampleFrom(() => {
      const status = this.runtime.status();
      return 'restarts' in status ? status.restarts : [];
    }, IN_MEMORY);
  }
}

/** 1 when `probe` resolves within the timeout, else 0: a store that is away is a value, not a failed scrape. */
async function answers(probe: () => Promise<unknown>): Promise<number> {
  return (await storeProblem(probe, PROBE_TIMEOUT_MS)) === null ? 1 : 0;
}
