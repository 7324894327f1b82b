import type { Redis } from 'ioredis';

/** Hash fields read per HSCAN page, so a big outbox never blocks Redis. */
const SCAN_PAGE = 500;

/**
 * A Redis hash of JSON entries written in the same atomic step as the change they record (by the stores' Lua
 * scripts), read by a relay that copies them to ClickHouse and takes out only what it has stored.
 */
export class RedisOutbox<T> {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    /** The entry's field in the hash, as the writing script names it. */
    readonly fieldOf: (entry: T) => string,
  ) {}

  /** Up to `limit` entries, in no particular order. */
  async entries(limit: number): Promise<T[]> {
    const entries: T[] = [];
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.key, cursor, 'COUNT', SCAN_PAGE);
      cursor = next;
      for (let index = 1; index < flat.length && entries.length < limit; index += 2) entries.push(JSON.parse(flat[index] as string) as T);
    } while (cursor !== '0' && entries.length < limit);
    return entries;
  }

  async remove(entries: readonly T[]): Promise<void> {
    if (entries.length > 0) await this.redis.hdel(this.key, ...entries.map(this.fieldOf));
  }

  size(): Promise<number> {
    return this.redis.hlen(this.key);
  }
}
