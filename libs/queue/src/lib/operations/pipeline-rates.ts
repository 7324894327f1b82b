import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from '../queue-definitions';

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
 * Reports per second at each stage, counted in Redis so every process adds to and reads the same figures. A caller
 * adds once per group commit or stored batch, never per request: one INCRBY and one EXPIRE in a transaction, so the
 * append-only file's fsync is paid once per batch.
 */
export class PipelineRates {
  constructor(private readonly redis: Redis) {}

  async add(stage: PipelineStage, reports: number, at: Date = new Date()): Promise<void> {
    if (reports <= 0) return;
    const key = bucketKey(stage, Math.floor(at.getTime() / 1000));
    await this.redis.multi().incrby(key, reports).expire(key, PIPELINE_RATE_BUCKET_TTL_SECONDS).exec();
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
