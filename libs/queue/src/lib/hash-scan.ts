import type { Redis } from 'ioredis';

/** Values of a hash of JSON entries that `keep` accepts, up to `limit`, scanned in pages so a big hash never blocks Redis. */
export async function scanJsonHash<T>(redis: Redis, key: string, keep: (entry: T) => boolean, limit: number): Promise<T[]> {
  const kept: T[] = [];
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(key, cursor, 'COUNT', 500);
    cursor = next;
    for (let index = 1; index < flat.length; index += 2) {
      const entry = JSON.parse(flat[index] as string) as T;
      if (keep(entry)) kept.push(entry);
      if (kept.length >= limit) return kept;
    }
  } while (cursor !== '0');
  return kept;
}
