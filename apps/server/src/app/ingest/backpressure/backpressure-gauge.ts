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
/**
 * The drain is measured over this window of samples: long enough to smooth a worker's batch-sized steps, short
 * enough to follow a worker that speeds up or stops.
 */
export const DRAIN_WINDOW_MS = 5_000;
/** The shortest span two samples must cover before their difference is read as a rate. */
const MIN_MEASURED_SPAN_MS = 250;
/**
 * Retry-After while no drain has been measured yet: the queue was still growing when ingest began refusing, so
 * nothing is known about the worker's pace. A short hint: the client's next attempt is cheap to refuse again, and by
 * then the refusals have stopped the growth and the drain is measured. Only a drain that stays unmeasured for a whole
 * window means a stalled worker, answered with the longest wait.
 */
export const UNMEASURED_RETRY_AFTER_SECONDS = 2;

interface Observation {
  readonly atMs: number;
  readonly depth: number;
  readonly ageMs: number;
}

/**
 * Decides from the latest samples of the report queue whether ingest must refuse, and for how long. Pure: the
 * sampler feeds it, the request path only reads what it decided.
 *
 * While ingest refuses, hardly anything is added, so the fall of the depth over the last few seconds of samples is
 * the worker's drain rate; Retry-After is the time that rate takes to bring the backlog back under the resume mark,
 * between 1 and 30 s: a short hint while the drain is not measured yet, 30 s when nothing has drained for a window.
 */
export class BackpressureGauge {
  /** The samples of the last drain window, oldest first; the last is the latest. */
  private window: Observation[] = [];
  private refusingSinceMs: number | null = null;
  private refusal: Refusal | null = null;

  constructor(private readonly bounds: BackpressureBounds) {}

  observe(sample: QueueBacklogSample, nowMs: number): void {
    const current: Observation = {
      atMs: nowMs,
      depth: sample.waitingJobs,
      ageMs: sample.oldestWaitingAddedAt === null ? 0 : Math.max(0, nowMs - sample.oldestWaitingAddedAt),
    };
    this.window = [...this.window.filter((seen) => seen.atMs < nowMs && nowMs - seen.atMs <= DRAIN_WINDOW_MS), current];
    this.refusal = this.refusal === null ? this.overBound(current) : this.stillOver(current);
    this.refusingSinceMs = this.refusal === null ? null : (this.refusingSinceMs ?? nowMs);
  }

  /** What to answer a report now, or null to accept it. */
  currentRefusal(): Refusal | null {
    return this.refusal;
  }

  latest(): { readonly queueDepth: number; readonly oldestWaitingAgeMs: number } | null {
    const last = this.window.at(-1);
    return last ? { queueDepth: last.depth, oldestWaitingAgeMs: last.ageMs } : null;
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
    const depthExcess = maxQueueDepth === null ? 0 : current.depth - Math.floor(maxQueueDepth * RESUME_SHARE);
    const ageOver = maxQueueAgeMs !== null && current.ageMs > maxQueueAgeMs * RESUME_SHARE;
    // Workers take the oldest job first, so the age is back once the jobs waiting now are taken, at the latest.
    const jobsToDrain = Math.max(depthExcess, ageOver ? current.depth : 0);
    return { message, retryAfterSeconds: this.retryAfterSeconds(jobsToDrain, current.atMs) };
  }

  private retryAfterSeconds(jobsToDrain: number, nowMs: number): number {
    const drainPerSecond = this.measuredDrainPerSecond();
    let seconds: number;
    if (jobsToDrain <= 0) seconds = MIN_RETRY_AFTER_SECONDS;
    else if (drainPerSecond !== null) seconds = jobsToDrain / drainPerSecond;
    else seconds = nowMs - (this.refusingSinceMs ?? nowMs) >= DRAIN_WINDOW_MS ? MAX_RETRY_AFTER_SECONDS : UNMEASURED_RETRY_AFTER_SECONDS;
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil(seconds)));
  }

  /** Jobs taken per second over the window, or null while the depth has not fallen over it (growing, or stalled). */
  private measuredDrainPerSecond(): number | null {
    const first = this.window[0];
    const last = this.window.at(-1);
    if (!first || !last || last.atMs - first.atMs < MIN_MEASURED_SPAN_MS || last.depth >= first.depth) return null;
    return (first.depth - last.depth) / ((last.atMs - first.atMs) / 1000);
  }
}
