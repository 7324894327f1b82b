import type { ClickHouseClient } from '@clickhouse/client';
import type { StoreStatus } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { pingClickHouse, pingRedis, storeProblem } from '../infrastructure/store-probes';

/** The operators' page polls every couple of seconds: a store that has not answered by then counts as down. */
const PROBE_TIMEOUT_MS = 1_500;

/** Up or down with the reason, for a person to read (the metrics' gauges keep only 1 or 0). */
async function statusOf(probe: () => Promise<unknown>): Promise<StoreStatus> {
  const problem = await storeProblem(probe, PROBE_TIMEOUT_MS);
  return problem === null ? { state: 'up', problem: null } : { state: 'down', problem };
}

export function redisStatus(redis: Redis): Promise<StoreStatus> {
  return statusOf(pingRedis(redis));
}

export function clickHouseStatus(client: ClickHouseClient): Promise<StoreStatus> {
  return statusOf(pingClickHouse(client));
}
