import { describe, expect, it } from '@jest/globals';
import { emptyCounters, formatProgress, formatSummary, isClean, RunStats, type RunSummary } from './run-stats';

describe('RunStats', () => {
  it('reports each interval separately from the totals', () => {
    const stats = new RunStats(0);
    stats.totals.sent += 100;
    stats.totals.accepted += 98;
    stats.totals.duplicates += 2;
    stats.recordLatency(4);
    const first = stats.takeInterval(5_000);
    expect(first.seconds).toBe(5);
    expect(first.counters.accepted).toBe(98);
    expect(first.p50).toBeCloseTo(4, 1);

    stats.totals.accepted += 10;
    const second = stats.takeInterval(6_000);
    expect(second.counters.accepted).toBe(10);
    expect(second.counters.duplicates).toBe(0);
    expect(second.p50).toBeNull();
    expect(stats.totals.accepted).toBe(108);
    expect(stats.latency.count).toBe(1);
  });
});

describe('formatProgress', () => {
  it('shows counts, achieved and target rate, latency and a backlog only when there is one', () => {
    const counters = { ...emptyCounters(), sent: 250, accepted: 245, duplicates: 5, failed: 1 };
    const line = formatProgress(30_000, { seconds: 5, counters, p50: 3.14, p99: 42 }, 50, 0);
    expect(line).toBe('[   30s]  sent 250  accepted 245  dup 5  errors 1  rate 50.0/s (target 50.0/s)  p50 3.1 ms p99 42 ms');
    expect(formatProgress(30_000, { seconds: 5, counters, p50: null, p99: null }, 50, 1_200)).toContain('backlog 1,200');
    // A realistic demo rate is a fraction of a report a second.
    expect(formatProgress(30_000, { seconds: 60, counters: { ...emptyCounters(), accepted: 1 }, p50: null, p99: null }, 1 / 60, 0)).toContain(
      'rate 0.017/s (target 0.017/s)',
    );
  });
});

describe('summary', () => {
  const summary: RunSummary = {
    elapsedMs: 10_000,
    totals: { ...emptyCounters(), sent: 500, resent: 5, accepted: 500, duplicates: 5, requests: 505 },
    latency: { p50: 2, p95: 8, p99: 12, max: 40 },
    errorReasons: new Map(),
  };

  it('is clean when nothing was rejected, failed or shed', () => {
    expect(isClean(summary)).toBe(true);
    expect(isClean({ ...summary, totals: { ...summary.totals, shed: 1 } })).toBe(false);
    expect(isClean({ ...summary, totals: { ...summary.totals, rejected: 1 } })).toBe(false);
  });

  it('prints totals, the idempotency expectation and error reasons', () => {
    const text = formatSummary({ ...summary, errorReasons: new Map([['503 unavailable', 3]]) });
    expect(text).toContain('accepted         500 (50.0/s)');
    expect(text).toContain('duplicates       5 (expected ≥ 5)');
    expect(text).toContain('3 × 503 unavailable');
  });
});
