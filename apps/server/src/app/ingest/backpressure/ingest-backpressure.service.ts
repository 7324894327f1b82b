import { QueueBacklog, type QueueBacklogSample } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import { AppError } from '../../common/errors/app-error';
import { PeriodicTask } from '../../common/scheduling/periodic-task';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { BackpressureGauge } from './backpressure-gauge';

/** Often enough that a backlog is noticed within a fraction of a second, rarely enough to cost Redis nothing. */
export const BACKLOG_SAMPLE_EVERY_MS = 250;

/** What the sampler last saw, for the metrics. */
export interface BackpressureState {
  /** Jobs (groups of reports) waiting in the report queue at the last sample. */
  readonly queueDepth: number;
  /** Age of the oldest waiting job at the last sample; 0 when none waits. */
  readonly oldestWaitingAgeSeconds: number;
  /** Whether ingest refuses reports now. */
  readonly overloaded: boolean;
  /** Requests this process refused with `overloaded` since it started. */
  readonly refusals: number;
  /** When the last sample succeeded; null before the first. */
  readonly sampledAt: Date | null;
}

/**
 * Refuses reports with 503 `overloaded` while the report queue is deeper or older than its bounds. The queue is
 * sampled in the background, so a request only reads the last decision and costs no Redis round trip. A refused
 * request queues nothing and marks no id: the client resends the same ids after Retry-After.
 */
@Injectable()
export class IngestBackpressure implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IngestBackpressure.name);
  private readonly gauge: BackpressureGauge;
  private readonly sampler: PeriodicTask;
  private refusals = 0;
  private sampledAt: Date | null = null;
  private readonly enabled: boolean;
  private failing = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly backlog: QueueBacklog,
  ) {
    this.gauge = new BackpressureGauge(config.backpressure);
    this.enabled = config.backpressure.maxQueueDepth !== null || config.backpressure.maxQueueAgeMs !== null;
    this.sampler = new PeriodicTask({ name: 'report queue sample', everyMs: BACKLOG_SAMPLE_EVERY_MS, firstAfterMs: 0 }, () => this.sample(), this.logger);
  }

  onModuleInit(): void {
    if (this.enabled) this.sampler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sampler.stop();
    await this.backlog.close();
  }

  /** Throws `overloaded` with Retry-After while the queue is over a bound; otherwise returns at once. */
  admit(): void {
    const refusal = this.gauge.currentRefusal();
    if (refusal === null) return;
    this.refusals += 1;
    throw new AppError('overloaded', `${refusal.message}; resend the same ids after ${refusal.retryAfterSeconds} s`, {
      retryAfterSeconds: refusal.retryAfterSeconds,
    });
  }

  state(): BackpressureState {
    const latest = this.gauge.latest();
    return {
      queueDepth: latest?.queueDepth ?? 0,
      oldestWaitingAgeSeconds: (latest?.oldestWaitingAgeMs ?? 0) / 1000,
      overloaded: this.gauge.currentRefusal() !== null,
      refusals: this.refusals,
      sampledAt: this.sampledAt,
    };
  }

  /**
   * A failed sample keeps the last decision: with Redis away, queueing fails on its own and answers `unavailable`.
   * It is logged once per outage, not four times a second.
   */
  private async sample(): Promise<void> {
    const wasRefusing = this.gauge.currentRefusal() !== null;
    let sample: QueueBacklogSample;
    try {
      sample = await this.backlog.sample();
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot sample the report queue, keeping the last decision: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
      return;
    }
    this.failing = false;
    const now = new Date();
    this.gauge.observe(sample, now.getTime());
    this.sampledAt = now;
    const refusal = this.gauge.currentRefusal();
    if (!wasRefusing && refusal) this.logger.warn(`refusing reports: ${refusal.message}`);
    if (wasRefusing && !refusal) this.logger.log(`accepting reports again: ${sample.waitingJobs} batches waiting`);
  }
}
