import { Redis } from 'ioredis';
import { join } from 'node:path';

/**
 * BullMQ's list of the batches a worker has taken and not finished, for the queue `reports` under the prefix `gc`
 * (libs/queue's QUEUE_PREFIX and REPORTS_QUEUE, which an e2e project may not import).
 */
const ACTIVE_BATCHES_KEY = 'gc:reports:active';

/** How many batches the worker holds right now: above 0 while a batch insert is in flight, which a kill "mid-batch" must hit. */
export function batchesInFlight(dataDir: string): Promise<number> {
  return withServersRedis(dataDir, (redis) => redis.llen(ACTIVE_BATCHES_KEY));
}

/** The hash where the worker parks reports it cannot store (libs/queue's REPORT_DEAD_LETTERS_KEY). */
const DEAD_LETTERS_KEY = 'gc:reports:dead-letters';

/** How many reports are parked in the dead letters; read over the same socket as `batchesInFlight`. */
export function deadLettersParked(dataDir: string): Promise<number> {
  return withServersRedis(dataDir, (redis) => redis.hlen(DEAD_LETTERS_KEY));
}

/** One short connection to the server's own redis-server over its unix socket, closed whatever happens. */
async function withServersRedis<T>(dataDir: string, read: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ path: join(dataDir, 'redis', 'redis.sock'), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await redis.connect();
    return await read(redis);
  } finally {
    redis.disconnect();
  }
}
