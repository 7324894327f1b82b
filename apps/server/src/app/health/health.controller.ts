import type { ClickHouseClient } from '@clickhouse/client';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { RedisRuntime, type RedisRuntimeStatus } from '../infrastructure/redis-runtime.service';
import { pingClickHouse, pingRedis, storeProblem } from '../infrastructure/store-probes';
import { CLICKHOUSE_CLIENT, REDIS_COMMANDS } from '../infrastructure/tokens';

type CheckResult = { ok: true } | { ok: false; error: string };

const CHECK_TIMEOUT_MS = 2_000;

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  const problem = await storeProblem(probe, CHECK_TIMEOUT_MS);
  return problem === null ? { ok: true } : { ok: false, error: problem };
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
    private readonly redisRuntime: RedisRuntime,
  ) {}

  /**
   * Alive while Redis is up or being restarted; failing once supervision gave up on the embedded redis-server,
   * since then only a restart of this process brings it back. An unreachable external Redis (REDIS_URL) is not a
   * reason: restarting this process would not bring it back, and every process restarting at once would only add
   * load when it returns; readiness takes such a process out of rotation meanwhile.
   */
  @Get('live')
  live(@Res({ passthrough: true }) response: Response): { status: 'ok' | 'failing'; redis: RedisRuntimeStatus['state'] } {
    const alive = this.redisRuntime.canRecover();
    response.status(alive ? 200 : 503);
    return { status: alive ? 'ok' : 'failing', redis: this.redisRuntime.status().state };
  }

  /** Ready only when both stores answer, so a load balancer sends no reports that could not be queued or read. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: string; checks: Record<string, CheckResult> }> {
    const [redis, clickhouse] = await Promise.all([
      check(pingRedis(this.redis)),
      check(pingClickHouse(this.clickhouse)),
    ]);
    const ready = redis.ok && clickhouse.ok;
    response.status(ready ? 200 : 503);
    // As every 503 of the API says: a restarted Redis is usually back within seconds.
    if (!ready) response.setHeader('Retry-After', '1');
    return { status: ready ? 'ready' : 'unavailable', checks: { redis, clickhouse } };
  }
}
