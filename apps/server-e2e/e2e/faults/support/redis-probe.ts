import { Redis } from 'ioredis';
import { join } from 'node:path';

/**
 * BullMQ's list of the batches a worker has taken and not finished, for the queue `reports` under the prefix `gc`
 * (libs/queue's QUEUE_PREFIX and REPORTS_QUEUE, which an e2e project may not import).
 */
const ACTIVE_BATCHES_KEY = 'gc:reports:active';

/**
 * How many batches the worker holds right now, read from the server's own redis-server over its unix socket: above
 * 0 while a batch insert is in flight, which is what a kill "mid-batch" must hit.
 */
export async function batchesInFlight(dataDir: string): Promise<number> {
  const redis = new Redis({ path: join(dataDir, 'redis', 'redis.sock'), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await redis.connect();
    return await redis.llen(ACTIVE_BATCHES_KEY);
  } finally {
    redis.disconnect();
  }
}
