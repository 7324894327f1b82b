import type { ClickHouseClient } from '@clickhouse/client';
import type { StoreStatus } from '@grid-command/contracts';
import type { Redis } from 'ioredis';

/** The operators' page polls every couple of seconds: a store that has not answered by then counts as down. */
const PROBE_TIMEOUT_MS = 1_500;

/** Up or down with the reason, for a person to read (the metrics' gauges keep only 1 or 0). */
async function statusOf(probe: () => Promise<unknown>): Promise<StoreStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { state: 'up', problem: null };
  } catch (error) {
    return { state: 'down', problem: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function redisStatus(redis: Redis): Promise<StoreStatus> {
  return statusOf(() => redis.ping());
}

export function clickHouseStatus(client: ClickHouseClient): Promise<StoreStatus> {
  return statusOf(async () => {
    const ping = await client.ping();
    if (!ping.success) throw ping.error;
  });
}
