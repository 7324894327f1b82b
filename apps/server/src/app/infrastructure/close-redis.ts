import type { Redis } from 'ioredis';

/**
 * Says goodbye (QUIT) to a Redis that is there, and drops the connection to one that is not: a consumer
 * connection queues commands while it reconnects, so a QUIT sent to a Redis that stays away would wait for ever
 * and hold the shutdown until its 30 s bound.
 */
export async function closeRedis(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
