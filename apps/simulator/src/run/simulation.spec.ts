import type { Report } from '@grid-command/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createRandom, randomUuid } from '../feed/prng';
import type { PostOutcome, ReportSender } from './ingest-client';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { isClean, type RunSummary } from './run-stats';
import { Simulation, type Feed, type SimulationDeps, type SimulationSettings } from './simulation';

type Behaviour = (call: number) => 'ok' | 'unavailable' | 'busy' | 'hang';

/** An ingest API in memory: dedupes by id like the real one, answers after `latencyMs`, or per `behaviour`. */
class FakeApi implements ReportSender {
  readonly ids = new Set<string>();
  /** When each request was made and the ids it carried. */
  readonly posted: Array<{ readonly atMs: number; readonly ids: readonly string[] }> = [];
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly behaviour: Behaviour = () => 'ok', private readonly latencyMs = 5) {}

  async post(reports: readonly Report[], signal: AbortSignal): Promise<PostOutcome> {
    this.calls += 1;
    this.posted.push({ atMs: Date.now(), ids: reports.map((report) => report.id) });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const mode = this.behaviour(this.calls);
    try {
      const answered = await new Promise<boolean>((resolve) => {
        const timer = mode === 'hang' ? null : setTimeout(() => resolve(true), this.latencyMs);
        signal.addEventListener('abort', () => {
          if (timer) clearTimeout(timer);
          resolve(false);
        }, { once: true });
      });
      if (!answered) return { kind: 'retryable', reason: 'aborted', latencyMs: this.latencyMs };
      if (mode === 'unavailable') return { kind: 'retryable', reason: '503 unavailable: queue unavailable', latencyMs: this.latencyMs };
      if (mode === 'busy') return { kind: 'backpressure', retryAfterMs: 3_000, reason: '503 overloaded: queue over its bound', latencyMs: this.latencyMs };
      const fresh = reports.filter((report) => !this.ids.has(report.id));
      for (const report of fresh) this.ids.add(report.id);
      return { kind: 'acknowledged', accepted: fresh.length, duplicates: reports.length - fresh.length, latencyMs: this.latencyMs };
    } finally {
      this.inFlight -= 1;
    }
  }
}

function fakeFeed(): Feed {
  const random = createRandom(1);
  return {
    rateFactor: () => 1,
    next: (nowMs) => ({
      id: randomUuid(random),
      gridCode: '450103001001001',
      category: 'noise',
      severity: 1,
      source: 'resident_app',
      reportedAt: new Date(nowMs).toISOString(),
    }),
  };
}

// Timed runs end halfway between two 100 ms ticks: a tick and the end due at the same instant fire in an order
// that fake clocks (and real timers) do not agree on, and the counts below must not hang on it.
const settings: SimulationSettings = {
  ratePerSecond: 50,
  durationMs: 2_050,
  batchSize: 10,
  concurrency: 2,
  resendShare: 0,
  progressEveryMs: 60_000,
  retry: DEFAULT_RETRY_POLICY,
  drainTimeoutMs: 5_000,
};

async function simulate(
  api: FakeApi,
  overrides: Partial<SimulationSettings> = {},
  stop = new AbortController().signal,
  hooks: Pick<SimulationDeps, 'onAcknowledged' | 'progressSuffix'> & { lines?: string[] } = {},
): Promise<RunSummary> {
  const lines: string[] = hooks.lines ?? [];
  const simulation = new Simulation({ ...settings, ...overrides }, {
    feed: fakeFeed(),
    sender: api,
    random: createRandom(2),
    now: () => Date.now(),
    log: (line) => lines.push(line),
    ...(hooks.onAcknowledged ? { onAcknowledged: hooks.onAcknowledged } : {}),
    ...(hooks.progressSuffix ? { progressSuffix: hooks.progressSuffix } : {}),
  });
  const done = simulation.run(stop);
  await jest.advanceTimersByTimeAsync(60_000);
  return done;
}

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2025, 5, 2, 2, 0) });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('Simulation', () => {
  it('sends the paced number of reports, what each tick has up to the batch size, and stops after the duration', async () => {
    const api = new FakeApi();
    const summary = await simulate(api);
    expect(summary.totals.sent).toBe(100);
    expect(summary.totals.accepted).toBe(100);
    expect(api.ids.size).toBe(100);
    // 50/s in 100 ms ticks is 5 reports a tick: sent at once rather than held back to fill a batch of 10.
    expect(summary.totals.requests).toBe(20);
    expect((await simulate(new FakeApi(), { ratePerSecond: 500 })).totals.requests).toBe(100);
    expect(isClean(summary)).toBe(true);
    expect(summary.latency.p50).toBeCloseTo(5, 0);
  });

  it('retries a 503 with the same ids and counts nothing twice', async () => {
    const api = new FakeApi((call) => (call % 3 === 1 ? 'unavailable' : 'ok'));
    const summary = await simulate(api);
    expect(summary.totals.retries).toBeGreaterThan(0);
    expect(summary.totals.accepted).toBe(100);
    expect(summary.totals.failed).toBe(0);
    expect(summary.errorReasons.get('503 unavailable: queue unavailable')).toBe(summary.totals.retries);
  });

  it('waits out Retry-After when the server sheds load and sends the same batch again, without using up its attempts', async () => {
    const api = new FakeApi((call) => (call <= 2 ? 'busy' : 'ok'));
    const summary = await simulate(api, { retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }, concurrency: 1 });
    expect(summary.totals.backpressured).toBe(2);
    expect(summary.totals.retries).toBe(0);
    expect(summary.totals.failed).toBe(0);
    const [first, second, third] = api.posted;
    expect(second?.ids).toEqual(first?.ids);
    expect(third?.ids).toEqual(first?.ids);
    expect((second?.atMs ?? 0) - (first?.atMs ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect((third?.atMs ?? 0) - (second?.atMs ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect(summary.totals.accepted).toBe(api.ids.size);
    expect(summary.totals.accepted + summary.totals.shed).toBe(100);
  });

  it('gives up on a dead server after bounded retries, never exceeding the concurrency', async () => {
    const api = new FakeApi(() => 'unavailable');
    const summary = await simulate(api, { durationMs: 5_000 });
    expect(api.maxInFlight).toBeLessThanOrEqual(settings.concurrency);
    // Backoff keeps each slot to about one request per two seconds: no spinning.
    expect(api.calls).toBeLessThan(40);
    expect(summary.totals.accepted).toBe(0);
    expect(summary.totals.failed + summary.totals.shed).toBeGreaterThan(0);
    expect(isClean(summary)).toBe(false);
  });

  it('re-sends acknowledged batches on purpose and the API answers them as duplicates', async () => {
    const api = new FakeApi();
    const summary = await simulate(api, { resendShare: 1, durationMs: 5_000 });
    expect(summary.totals.resent).toBeGreaterThan(0);
    expect(summary.totals.duplicates).toBe(summary.totals.resent);
    expect(summary.totals.accepted).toBe(api.ids.size);
  });

  it('sheds instead of hoarding when the server stops answering, and fails what is in flight at the deadline', async () => {
    const api = new FakeApi(() => 'hang');
    const summary = await simulate(api, { durationMs: 20_050, drainTimeoutMs: 1_000 });
    expect(summary.totals.shed).toBeGreaterThan(0);
    expect(summary.totals.accepted).toBe(0);
    // Everything generated is accounted for: in flight at the deadline or still in the backlog.
    expect(summary.totals.failed).toBe(50 * 20 - summary.totals.shed);
    // Cut off by the deadline is an unknown outcome, not a failure to retry or an error reason.
    expect(summary.totals.retries).toBe(0);
    expect(summary.errorReasons.size).toBe(0);
  });

  it('stops early on the stop signal and delivers what it had generated', async () => {
    const api = new FakeApi(() => 'ok', 50);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1_050);
    const summary = await simulate(api, { durationMs: null }, stop.signal);
    expect(summary.totals.sent).toBe(50);
    expect(summary.totals.accepted).toBe(50);
    expect(summary.elapsedMs).toBeLessThan(2_000);
  });

  it('hands each acknowledged report to the ticket planner once, not again when re-sent on purpose', async () => {
    const api = new FakeApi((call) => (call % 4 === 1 ? 'unavailable' : 'ok'));
    const handed: string[] = [];
    const summary = await simulate(api, { resendShare: 1, durationMs: 3_000 }, undefined, { onAcknowledged: (reports) => handed.push(...reports.map((r) => r.id)) });
    expect(summary.totals.resent).toBeGreaterThan(0);
    expect(handed).toHaveLength(summary.totals.sent);
    expect(new Set(handed)).toEqual(api.ids);
  });

  it('adds the ticket figures to each progress line', async () => {
    const lines: string[] = [];
    await simulate(new FakeApi(), { progressEveryMs: 1_000 }, undefined, { progressSuffix: () => 'events 7', lines });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.endsWith('│  events 7'))).toBe(true);
  });
});
