import type { Redis } from 'ioredis';
import { spikeWindowKeyOf } from './queue-definitions';
import { execOrThrow } from './redis-pipeline';

/** A rule's spike window over a scope and a category. */
export interface SpikeWindowId {
  readonly ruleId: string;
  readonly scope: string;
  readonly category: string;
}

/** Reports to add to one spike window. */
export interface SpikeWindowUpdate extends SpikeWindowId {
  readonly entries: ReadonlyArray<{ readonly reportId: string; readonly reportedAtMs: number }>;
}

/** Reports after `opensAfterMs` and not after `endsAtMs` are inside. */
export interface SpikeWindowBounds {
  readonly opensAfterMs: number;
  readonly endsAtMs: number;
}

/** Spike windows as sorted sets of report ids by report time, so a retried batch counts nothing twice. */
export class SpikeWindowStore {
  constructor(private readonly redis: Redis) {}

  /**
   * Adds reports to spike windows, drops what has left them and counts what is inside, every window in one round
   * trip. A window's key expires when nothing came for `ttlMs`.
   */
  async count(updates: readonly SpikeWindowUpdate[], window: SpikeWindowBounds, ttlMs: number): Promise<number[]> {
    if (updates.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const update of updates) {
      const key = spikeWindowKeyOf(update.ruleId, update.scope, update.category);
      pipeline.zadd(key, ...update.entries.flatMap((entry) => [entry.reportedAtMs, entry.reportId]));
      pipeline.zremrangebyscore(key, '-inf', window.opensAfterMs);
      pipeline.zcount(key, `(${window.opensAfterMs}`, window.endsAtMs);
      pipeline.pexpire(key, Math.ceil(ttlMs));
    }
    const results = await execOrThrow(pipeline);
    return updates.map((_, index) => Number(results[index * 4 + 2]));
  }

  /** The `limit` latest reports inside each window, newest first. */
  async latest(windows: readonly SpikeWindowId[], window: SpikeWindowBounds, limit: number): Promise<string[][]> {
    if (windows.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const { ruleId, scope, category } of windows) {
      pipeline.zrevrangebyscore(spikeWindowKeyOf(ruleId, scope, category), window.endsAtMs, `(${window.opensAfterMs}`, 'LIMIT', 0, limit);
    }
    return (await execOrThrow(pipeline)) as string[][];
  }
}
