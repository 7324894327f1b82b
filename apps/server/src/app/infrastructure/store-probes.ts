import type { ClickHouseClient } from '@clickhouse/client';
import type { Redis } from 'ioredis';

/**
 * Whether each store answers, as health, the metrics and the operators' page ask it: null when it answered within
 * `timeoutMs`, else why not. A store that is away is an answer here, never a thrown error, so the caller can say so.
 */
export async function storeProblem(probe: () => Promise<unknown>, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export function pingRedis(redis: Redis): () => Promise<unknown> {
  return () => redis.ping();
}

/** The client's ping answers `{ success: false }` instead of throwing. */
export function pingClickHouse(client: ClickHouseClient): () => Promise<unknown> {
  return async () => {
    const ping = await client.ping();
    if (!ping.success) throw ping.error;
  };
}
