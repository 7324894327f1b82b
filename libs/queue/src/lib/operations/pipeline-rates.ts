import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from '../queue-definitions';
import { execOrThrow } from '../redis-pipeline';

/** The two places a report passes that the operator watches: accepted by the API, stored by the worker. */
export const PIPELINE_STAGES = ['accepted', 'stored'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** A second's count lives a little longer than the longest window read (the five-minute trend). */
export const PIPELINE_RATE_BUCKET_TTL_SECONDS = 330;

function bucketKey(stage: PipelineStage, epochSecond: number): string {
  return `${QUEUE_PREFIX}:ops:rate:${stage}:${epochSecond}`;
}

/** Per-second counts of one stage, oldest first. */
export type SecondCounts = readonly number[];

/**
 * Reports per second at each stage, counted in Redis so every process adds to and reads the same figures. The
 * request path only counts in memory; `flush` (every second, from the process's flusher) adds what was counted to
 * each second's key, every second and stage in one transaction, so the append-only file's fsync is paid once a second
 * per process, not once per group commit (which cost single-report ingest a write per few milliseconds).
 */
export class PipelineRates {
  /** Reports counted since the last flush, by the key of their second. */
  private pending = new Map<string, number>();

  constructor(private readonly redis: Redis) {}

  count(stage: PipelineStage, reports: number, at: Date = new Date()): void {
    if (reports <= 0) return;
    const key = bucketKey(stage, Math.floor(at.getTime() / 1000));
    this.pending.set(key, (this.pending.get(key) ?? 0) + reports);
  }

  /** Adds what was counted since the last flush; on failure keeps it for the next one (a figure late, not lost). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const written = this.pending;
    this.pending = new Map();
    const transaction = this.redis.multi();
    for (const [key, reports] of written) transaction.incrby(key, reports).expire(key, PIPELINE_RATE_BUCKET_TTL_SECONDS);
    try {
      await execOrThrow(transaction);
    } catch (error) {
      for (const [key, reports] of written) this.pending.set(key, (this.pending.get(key) ?? 0) + reports);
      // A second older than its key's life would expire at once: through a long outage keep only the recent ones.
      for (const key of this.pending.keys()) {
        if (this.pending.size <= PIPELINE_STAGES.length * PIPELINE_RATE_BUCKET_TTL_SECONDS) break;
        this.pending.delete(key);
      }
      throw error;
    }
  }

  /**
   * The counts of the `seconds` whole seconds before `now` (the running second is left out: it is still filling),
   * for every stage, in one round trip.
   */
  async lastSeconds(now: Date, seconds: number): Promise<Record<PipelineStage, SecondCounts>> {
    const current = Math.floor(now.getTime() / 1000);
    const epochSeconds = Array.from({ length: seconds }, (_, position) => current - seconds + position);
    const keys = PIPELINE_STAGES.flatMap((stage) => epochSeconds.map((second) => bucketKey(stage, second)));
    const values = await this.redis.mget(...keys);
    const counts = values.map((value) => (value === null ? 0 : Number(value)));
    return {
      accepted: counts.slice(0, seconds),
      stored: counts.slice(seconds),
    };
  }
}
