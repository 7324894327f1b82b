import type { QueueBacklogSample } from '@grid-command/queue';

export interface BackpressureBounds {
  /** Waiting jobs beyond which ingest refuses; null: no depth bound. */
  readonly maxQueueDepth: number | null;
  /** Age of the oldest waiting job beyond which ingest refuses; null: no age bound. */
  readonly maxQueueAgeMs: number | null;
}

/** A refusal as the client sees it: which bound, and when to resend. */
export interface Refusal {
  readonly message: string;
  readonly retryAfterSeconds: number;
}

/** Ingest resumes only once the backlog is back under this share of its bound, so it does not flap at the edge. */
export const RESUME_SHARE = 0.75;
export const MIN_RETRY_AFTER_SECONDS = 1;
export const MAX_RETRY_AFTER_SECONDS = 30;
/** Weight of the newest sample in the smoothed drain rates. */
const RATE_SMOOTHING = 0.5;

interface Observation {
  readonly atMs: number;
  readonly depth: number;
  readonly ageMs: number;
}

/**
 * Decides from the latest samples of the report queue whether ingest must refuse, and for how long. Pure: the
 * sampler feeds it, the request path only reads what it decided.
 *
 * While ingest refuses, hardly anything is added, so the fall of depth and age between samples is the worker's drain
 * rate; Retry-After is the time that rate takes to bring the backlog back under the resume mark, between 1 and 30 s
 * (30 when nothing drains).
 */
export class BackpressureGauge {
  private last: Observation | null = null;
  private depthDrainPerSecond = 0;
  private ageDrainPerSecond = 0;
  private refusal: Refusal | null = null;

  constructor(private readonly bounds: BackpressureBounds) {}

  observe(sample: QueueBacklogSample, nowMs: number): void {
    const current: Observation = {
      atMs: nowMs,
      depth: sample.waitingJobs,
      ageMs: sample.oldestWaitingAddedAt === null ? 0 : Math.max(0, nowMs - sample.oldestWaitingAddedAt),
    };
    const previous = this.last;
    if (previous && current.atMs > previous.atMs) {
      const seconds = (current.atMs - previous.atMs) / 1000;
      this.depthDrainPerSecond = smoothed(this.depthDrainPerSecond, (previous.depth - current.depth) / seconds);
      this.ageDrainPerSecond = smoothed(this.ageDrainPerSecond, (previous.ageMs - current.ageMs) / 1000 / seconds);
    }
    this.last = current;
    this.refusal = this.refusal === null ? this.overBound(current) : this.stillOver(current);
  }

  /** What to answer a report now, or null to accept it. */
  currentRefusal(): Refusal | null {
    return this.refusal;
  }

  latest(): { readonly queueDepth: number; readonly oldestWaitingAgeMs: number } | null {
    return this.last && { queueDepth: this.last.depth, oldestWaitingAgeMs: this.last.ageMs };
  }

  private overBound(current: Observation): Refusal | null {
    const { maxQueueDepth, maxQueueAgeMs } = this.bounds;
    if (maxQueueDepth !== null && current.depth > maxQueueDepth) {
      return this.refuse(`the report queue holds ${current.depth} waiting batches, over INGEST_MAX_QUEUE_DEPTH=${maxQueueDepth}`, current);
    }
    if (maxQueueAgeMs !== null && current.ageMs > maxQueueAgeMs) {
      return this.refuse(
        `the oldest waiting batch of reports is ${Math.floor(current.ageMs / 1000)} s old, over INGEST_MAX_QUEUE_AGE_SECONDS=${maxQueueAgeMs / 1000}`,
        current,
      );
    }
    return null;
  }

  /** Once refusing, keeps refusing (naming the bound first crossed) until both are under their resume mark. */
  private stillOver(current: Observation): Refusal | null {
    const { maxQueueDepth, maxQueueAgeMs } = this.bounds;
    const depthBack = maxQueueDepth === null || current.depth <= Math.floor(maxQueueDepth * RESUME_SHARE);
    const ageBack = maxQueueAgeMs === null || current.ageMs <= maxQueueAgeMs * RESUME_SHARE;
    if (depthBack && ageBack) return null;
    return this.refuse(this.refusal?.message ?? '', current);
  }

  private refuse(message: string, current: Observation): Refusal {
    const { maxQueueDepth, maxQueueAgeMs } = this.bounds;
    const depthSeconds = maxQueueDepth === null ? 0 : secondsToDrain(current.depth - Math.floor(maxQueueDepth * RESUME_SHARE), this.depthDrainPerSecond);
    const ageSeconds = maxQueueAgeMs === null ? 0 : secondsToDrain((current.ageMs - maxQueueAgeMs * RESUME_SHARE) / 1000, this.ageDrainPerSecond);
    const seconds = Math.ceil(Math.max(depthSeconds, ageSeconds));
    return { message, retryAfterSeconds: Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, seconds)) };
  }
}

function smoothed(previous: number, measured: number): number {
  return previous + RATE_SMOOTHING * (Math.max(0, measured) - previous);
}

function secondsToDrain(excess: number, drainPerSecond: number): number {
  if (excess <= 0) return 0;
  return drainPerSecond > 0 ? excess / drainPerSecond : MAX_RETRY_AFTER_SECONDS;
}
