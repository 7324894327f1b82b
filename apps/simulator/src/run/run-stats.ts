import { LatencyHistogram } from './latency-histogram';

/** Counts of reports (not requests) unless the name says otherwise. */
export interface Counters {
  /** Sent for the first time. */
  sent: number;
  /** Sent again on purpose, as a client that lost the 202 would; the API must answer them as duplicates. */
  resent: number;
  accepted: number;
  duplicates: number;
  /** Answered 4xx: the API refused them; retrying would not help. */
  rejected: number;
  /** Given up after the last retry, cut off in flight by the stop deadline (the server may have stored those), or never sent by then. */
  failed: number;
  /** Never generated: the rate asked for them while the backlog was full because the server lagged. */
  shed: number;
  /** HTTP requests answered or failed, retries included. */
  requests: number;
  /** Requests repeated after a 5xx/429 or a network error. */
  retries: number;
  /** Requests the server refused for load (503/429 with Retry-After), sent again with the same ids once it had passed. */
  backpressured: number;
}

export function emptyCounters(): Counters {
  return { sent: 0, resent: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, shed: 0, requests: 0, retries: 0, backpressured: 0 };
}

function difference(now: Counters, before: Counters): Counters {
  const delta = emptyCounters();
  for (const key of Object.keys(delta) as Array<keyof Counters>) delta[key] = now[key] - before[key];
  return delta;
}

export interface IntervalReport {
  readonly seconds: number;
  readonly counters: Counters;
  readonly p50: number | null;
  readonly p99: number | null;
}

/** What the run did, in total and since the last progress line. */
export class RunStats {
  readonly totals = emptyCounters();
  readonly latency = new LatencyHistogram();
  private readonly intervalLatency = new LatencyHistogram();
  private intervalStart = emptyCounters();
  private intervalStartMs: number;

  constructor(startMs: number) {
    this.intervalStartMs = startMs;
  }

  recordLatency(ms: number): void {
    this.latency.record(ms);
    this.intervalLatency.record(ms);
  }

  /** The interval since the previous call, and starts the next one. */
  takeInterval(nowMs: number): IntervalReport {
    const report: IntervalReport = {
      seconds: Math.max(0.001, (nowMs - this.intervalStartMs) / 1_000),
      counters: difference(this.totals, this.intervalStart),
      p50: this.intervalLatency.percentile(50),
      p99: this.intervalLatency.percentile(99),
    };
    this.intervalStart = { ...this.totals };
    this.intervalStartMs = nowMs;
    this.intervalLatency.reset();
    return report;
  }
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${integer.format(ms)} ms`;
}

const fine = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
/** A demo's realistic rate is well under one report a second: show it, not `0.0/s`. */
export const formatRate = (perSecond: number): string => (perSecond > 0 && perSecond < 1 ? fine : decimal).format(perSecond);

const errorsOf = (counters: Counters): number => counters.rejected + counters.failed + counters.shed;

/** One progress line: what the screen sees arriving, and whether the server keeps up. */
export function formatProgress(elapsedMs: number, interval: IntervalReport, targetRate: number, backlog: number): string {
  const { counters } = interval;
  const acknowledged = counters.accepted + counters.duplicates;
  return [
    `[${String(Math.round(elapsedMs / 1_000)).padStart(5)}s]`,
    `sent ${integer.format(counters.sent + counters.resent)}`,
    `accepted ${integer.format(counters.accepted)}`,
    `dup ${integer.format(counters.duplicates)}`,
    `errors ${integer.format(errorsOf(counters))}`,
    `rate ${formatRate(acknowledged / interval.seconds)}/s (target ${formatRate(targetRate)}/s)`,
    `p50 ${formatMs(interval.p50)} p99 ${formatMs(interval.p99)}`,
    ...(backlog > 0 ? [`backlog ${integer.format(backlog)}`] : []),
    ...(counters.backpressured > 0 ? [`server busy ×${integer.format(counters.backpressured)}`] : []),
  ].join('  ');
}

export interface RunSummary {
  readonly elapsedMs: number;
  readonly totals: Counters;
  readonly latency: { readonly p50: number | null; readonly p95: number | null; readonly p99: number | null; readonly max: number | null };
  readonly errorReasons: ReadonlyMap<string, number>;
}

/** A run is clean when every report generated was acknowledged and no planned report was shed. */
export function isClean(summary: RunSummary): boolean {
  return errorsOf(summary.totals) === 0;
}

export function formatSummary(summary: RunSummary): string {
  const { totals, latency } = summary;
  const seconds = Math.max(0.001, summary.elapsedMs / 1_000);
  const lines = [
    `summary after ${decimal.format(seconds)} s`,
    `  reports sent     ${integer.format(totals.sent)} (+${integer.format(totals.resent)} re-sent on purpose to test idempotency)`,
    `  accepted         ${integer.format(totals.accepted)} (${decimal.format(totals.accepted / seconds)}/s)`,
    `  duplicates       ${integer.format(totals.duplicates)} (expected ≥ ${integer.format(totals.resent)})`,
    `  rejected (4xx)   ${integer.format(totals.rejected)}`,
    `  failed           ${integer.format(totals.failed)}`,
    `  shed (backlog)   ${integer.format(totals.shed)}`,
    `  requests         ${integer.format(totals.requests)} (${integer.format(totals.retries)} retries, ${integer.format(totals.backpressured)} waited out Retry-After)`,
    `  latency          p50 ${formatMs(latency.p50)}  p95 ${formatMs(latency.p95)}  p99 ${formatMs(latency.p99)}  max ${formatMs(latency.max)}`,
  ];
  for (const [reason, count] of summary.errorReasons) lines.push(`  error            ${integer.format(count)} × ${reason}`);
  return lines.join('\n');
}
