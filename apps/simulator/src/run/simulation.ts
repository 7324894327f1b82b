import { setMaxListeners } from 'node:events';
import type { Report } from '@grid-command/contracts';
import { randomBetween, type Random } from '../feed/prng';
import type { PostOutcome, ReportSender } from './ingest-client';
import { Pacer } from './pacer';
import { backoffMs, type RetryPolicy } from './retry-policy';
import { formatProgress, RunStats, type RunSummary } from './run-stats';
import { abortableSleep } from './abortable-sleep';

export interface SimulationSettings {
  /** Mean reports per second, `--scale` already applied. */
  readonly ratePerSecond: number;
  readonly durationMs: number | null;
  readonly batchSize: number;
  readonly concurrency: number;
  /** Share of acknowledged requests sent again a moment later, as a client that lost the 202 would. */
  readonly resendShare: number;
  readonly progressEveryMs: number;
  readonly retry: RetryPolicy;
  /** How long a stop waits for reports already generated to be delivered. */
  readonly drainTimeoutMs: number;
}

export interface Feed {
  rateFactor(nowMs: number): number;
  next(nowMs: number): Report;
}

export interface SimulationDeps {
  readonly feed: Feed;
  readonly sender: ReportSender;
  /** For client behaviour (resends, jitter), separate from the feed so server timing never changes the feed. */
  readonly random: Random;
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** Reports the API acknowledged on their first send (not the deliberate re-sends): their tickets exist now. */
  readonly onAcknowledged?: (reports: readonly Report[]) => void;
  /** More to say on each progress line, e.g. how the ticket events are going. */
  readonly progressSuffix?: () => string;
}

interface Batch {
  readonly reports: readonly Report[];
  readonly resend: boolean;
}

const TICK_MS = 100;
/** Enough to ride out a few seconds of server hiccup without hoarding memory when the server is down. */
const BACKLOG_SECONDS = 10;
const RESEND_DELAY_MS: readonly [number, number] = [500, 3_000];

/**
 * The client loop: paces the feed into a bounded backlog, sends it in batches over at most
 * `concurrency` requests, retries 5xx and network failures with backoff, waits out a Retry-After the server
 * sheds load with before sending the same batch again, re-sends a few batches on
 * purpose, and on stop delivers what it generated within a deadline, then summarises.
 */
export class Simulation {
  private readonly pacer = new Pacer();
  private readonly backlog: Report[] = [];
  private readonly resendQueue: Batch[] = [];
  private readonly resendTimers = new Set<NodeJS.Timeout>();
  private readonly errorReasons = new Map<string, number>();
  private readonly drain = new AbortController();
  private readonly maxBacklog: number;
  private readonly stats: RunStats;
  private readonly startedAt: number;
  private lastTickAt: number;
  private inFlight = 0;
  private stopping = false;
  private onSettled: (() => void) | null = null;

  constructor(private readonly settings: SimulationSettings, private readonly deps: SimulationDeps) {
    this.startedAt = deps.now();
    this.lastTickAt = this.startedAt;
    this.stats = new RunStats(this.startedAt);
    // Every request backing off waits on the drain signal: up to `concurrency` listeners is expected, not a leak.
    setMaxListeners(settings.concurrency + 8, this.drain.signal);
    this.maxBacklog = Math.max(settings.batchSize * settings.concurrency * 4, Math.ceil(settings.ratePerSecond * BACKLOG_SECONDS));
  }

  async run(stop: AbortSignal): Promise<RunSummary> {
    const ticker = setInterval(() => this.tick(), TICK_MS);
    const progress = setInterval(() => this.printProgress(), this.settings.progressEveryMs);
    await this.until(stop);
    clearInterval(ticker);
    this.stopping = true;
    for (const timer of this.resendTimers) clearTimeout(timer);
    this.resendQueue.length = 0;

    const deadline = setTimeout(() => this.drain.abort(), this.settings.drainTimeoutMs);
    this.pump();
    await this.settled();
    clearTimeout(deadline);
    clearInterval(progress);
    this.stats.totals.failed += this.backlog.length;
    this.backlog.length = 0;
    return this.summary();
  }

  private until(stop: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (stop.aborted) return resolve();
      const timer = this.settings.durationMs === null ? null : setTimeout(resolve, this.settings.durationMs);
      stop.addEventListener('abort', () => {
        if (timer) clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  private targetRate(nowMs: number): number {
    return this.settings.ratePerSecond * this.deps.feed.rateFactor(nowMs);
  }

  private tick(): void {
    const now = this.deps.now();
    const due = this.pacer.due(this.targetRate(now), now - this.lastTickAt);
    this.lastTickAt = now;
    const room = Math.max(0, this.maxBacklog - this.backlog.length);
    for (let i = 0; i < Math.min(due, room); i += 1) this.backlog.push(this.deps.feed.next(now));
    this.stats.totals.shed += Math.max(0, due - room);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.settings.concurrency && !this.drain.signal.aborted) {
      const batch = this.resendQueue.shift() ?? this.takeBatch();
      if (batch === null) break;
      this.inFlight += 1;
      void this.deliver(batch)
        .catch((error: unknown) => {
          this.noteError(`unexpected: ${String(error)}`);
          this.stats.totals.failed += batch.reports.length;
        })
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
          this.onSettled?.();
        });
    }
  }

  private takeBatch(): Batch | null {
    if (this.backlog.length === 0) return null;
    return { reports: this.backlog.splice(0, this.settings.batchSize), resend: false };
  }

  private async deliver(batch: Batch): Promise<void> {
    const count = batch.reports.length;
    if (batch.resend) this.stats.totals.resent += count;
    else this.stats.totals.sent += count;
    for (let attempt = 1; ; ) {
      if (this.drain.signal.aborted) {
        this.stats.totals.failed += count;
        return;
      }
      const outcome = await this.deps.sender.post(batch.reports, this.drain.signal);
      if (outcome.kind !== 'acknowledged' && this.drain.signal.aborted) {
        // Cut off by the stop deadline: the server may have stored them, the client cannot know.
        this.stats.totals.failed += count;
        return;
      }
      this.stats.totals.requests += 1;
      this.stats.recordLatency(outcome.latencyMs);
      if (outcome.kind === 'acknowledged') {
        this.acknowledge(batch, outcome);
        return;
      }
      this.noteError(outcome.reason);
      if (outcome.kind === 'backpressure') {
        // The server said when: not a failure, so no attempt is used up, however long it sheds load.
        this.stats.totals.backpressured += 1;
        await this.sleep(outcome.retryAfterMs);
        continue;
      }
      if (outcome.kind === 'rejected') {
        this.stats.totals.rejected += count;
        return;
      }
      if (attempt >= this.settings.retry.maxAttempts) {
        this.stats.totals.failed += count;
        return;
      }
      this.stats.totals.retries += 1;
      await this.sleep(backoffMs(this.settings.retry, attempt, this.deps.random));
      attempt += 1;
    }
  }

  private acknowledge(batch: Batch, outcome: Extract<PostOutcome, { kind: 'acknowledged' }>): void {
    this.stats.totals.accepted += outcome.accepted;
    this.stats.totals.duplicates += outcome.duplicates;
    if (!batch.resend) this.deps.onAcknowledged?.(batch.reports);
    if (batch.resend || this.stopping || this.deps.random() >= this.settings.resendShare) return;
    const timer = setTimeout(() => {
      this.resendTimers.delete(timer);
      this.resendQueue.push({ reports: batch.reports, resend: true });
      this.pump();
    }, randomBetween(this.deps.random, ...RESEND_DELAY_MS));
    this.resendTimers.add(timer);
  }

  /** Prints a reason the first time it is seen, so a dead server is obvious at once; the summary counts them. */
  private noteError(reason: string): void {
    const seen = this.errorReasons.get(reason) ?? 0;
    if (seen === 0) this.deps.log(`warning: ${reason}`);
    this.errorReasons.set(reason, seen + 1);
  }

  /** Waits, or returns early when the drain deadline passes. */
  private sleep(ms: number): Promise<void> {
    return abortableSleep(ms, this.drain.signal);
  }

  /** Resolves once nothing is in flight and nothing is left to send, or the drain deadline has passed. */
  private settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        const idle = this.inFlight === 0 && (this.backlog.length === 0 || this.drain.signal.aborted);
        if (idle) {
          this.onSettled = null;
          resolve();
        }
      };
      this.onSettled = check;
      this.drain.signal.addEventListener('abort', check, { once: true });
      check();
    });
  }

  private printProgress(): void {
    const now = this.deps.now();
    const line = formatProgress(now - this.startedAt, this.stats.takeInterval(now), this.targetRate(now), this.backlog.length);
    const suffix = this.deps.progressSuffix?.();
    this.deps.log(suffix ? `${line}  │  ${suffix}` : line);
  }

  private summary(): RunSummary {
    const { latency } = this.stats;
    return {
      elapsedMs: this.deps.now() - this.startedAt,
      totals: { ...this.stats.totals },
      latency: { p50: latency.percentile(50), p95: latency.percentile(95), p99: latency.percentile(99), max: latency.max },
      errorReasons: new Map(this.errorReasons),
    };
  }
}
