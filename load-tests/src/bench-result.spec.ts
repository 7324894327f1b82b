import { describe, expect, it } from '@jest/globals';
import {
  alertVerdict,
  correctnessFailed,
  evaluateTargets,
  integrityVerdict,
  renderMarkdown,
  previousRunOf,
  overheadOf,
  type AlertRun,
  type BenchFigures,
  type BenchResult,
  ticketDrainVerdict,
  type EndToEndRun,
  type SecurityOverhead,
  type SecurityRun,
  type TicketEventRun,
  type TicketFigures,
  type ThroughputRun,
} from './bench-result';

const latency = { p50: 3, p95: 9, p99: 20, max: 40 };
const run = (batchSize: number, reportsPerSecond: number): ThroughputRun => ({
  batchSize,
  connections: 8,
  seconds: 8,
  requests: 100,
  reportsAccepted: reportsPerSecond * 8,
  reportsPerSecond,
  requestsPerSecond: reportsPerSecond / batchSize,
  errors: 0,
  backpressured: 0,
  latencyMs: latency,
  drainMs: 400,
});

const idle: EndToEndRun = { label: 'idle', backgroundRate: 0, samples: 15, timeouts: 0, snapshotMs: latency, pushMs: { ...latency, p95: 700 } };

const eventRun = (eventsPerRequest: number, eventsPerSecond: number): TicketEventRun => ({
  label: eventsPerRequest === 4 ? 'whole life' : 'single event',
  eventsPerRequest,
  connections: 8,
  seconds: 10,
  requests: (eventsPerSecond * 10) / eventsPerRequest,
  acknowledged: (eventsPerSecond * 10) / eventsPerRequest,
  eventsRecorded: eventsPerSecond * 10,
  eventsPerSecond,
  requestsPerSecond: eventsPerSecond / eventsPerRequest,
  errors: 0,
  latencyMs: { p50: 40, p95: 120, p99: 300, max: 400 },
});

// 400 whole lives and 300 single dispatches: 700 dispatched, 400 verified, 1,900 events.
const tickets: TicketFigures = {
  reports: 5_000,
  reportsPerRequest: 1_000,
  readyMs: 250,
  lives: eventRun(4, 160),
  singles: eventRun(1, 30),
  resent: 40,
  resentUnchanged: 40,
  drain: {
    period: 'today',
    expectedDispatched: 700,
    expectedVerified: 400,
    expectedEvents: 1_900,
    recordedAnswers: 1_900,
    unacknowledged: 0,
    kpiDispatched: 700,
    kpiVerified: 400,
    drainMs: 1_200,
    waitedMs: 1_300,
  },
  kpiQuery: { period: 'week', samples: 20, errors: 0, latencyMs: { p50: 80, p95: 200, p99: 250, max: 250 }, ticketsInStore: 240_000, weekReported: 240_000 },
};

const alertRun: AlertRun = {
  label: 'idle',
  backgroundRate: 0,
  reportsPerSecond: 20,
  sent: 200,
  acknowledged: 200,
  received: 200,
  receivedSecond: 200,
  extraNotices: 0,
  pushMs: { p50: 60, p95: 120, p99: 150, max: 180 },
  actions: { samples: 40, applied: 40, conflicts: 0, errors: 0, timeouts: 0, requestMs: { p50: 8, p95: 15, p99: 20, max: 20 }, pushMs: { p50: 10, p95: 18, p99: 25, max: 25 } },
  seconds: 14,
};

const securityRun = (route: string, credential: SecurityRun['credential'], requestsPerSecond: number, p50: number): SecurityRun => ({
  route,
  credential,
  connections: 8,
  seconds: 3,
  requests: requestsPerSecond * 3,
  requestsPerSecond,
  errors: 0,
  latencyMs: { p50, p95: p50 * 2, p99: p50 * 3, max: p50 * 4 },
});
const security: SecurityOverhead = {
  baseline: securityRun('GET /health/live', 'none', 4_000, 2),
  authenticated: [securityRun('GET /api/v1/auth/me', 'access token', 3_200, 2.5), securityRun('GET /api/v1/auth/me', 'ingest key', 2_500, 3)],
  anonymous: { sent: 2, refused: 2 },
};

const figures: BenchFigures = {
  throughput: [run(1, 3_000), run(100, 9_000), run(1000, 12_000)],
  endToEnd: [idle],
  integrity: { distinctAccepted: 1_000, acceptedAnswers: 1_000, resent: 200, duplicatesAnswered: 200, snapshotReported: 1_000, waitedMs: 800, conclusive: true },
  memory: { serverBeforeMb: 300, serverPeakMb: 600, serverAfterMb: 500, childrenAfterMb: 20 },
  tickets,
  alerts: [alertRun],
  security,
};
const withAlert = (change: Partial<AlertRun>): BenchFigures => ({ ...figures, alerts: [{ ...alertRun, ...change }] });

const check = (figuresToCheck: BenchFigures, prefix: string) => evaluateTargets(figuresToCheck).find((entry) => entry.name.startsWith(prefix));
const withDrain = (drain: Partial<TicketFigures['drain']>): BenchFigures => ({ ...figures, tickets: { ...tickets, drain: { ...tickets.drain, ...drain } } });

describe('bench targets', () => {
  it('passes a run that kept every report once and met the speed targets', () => {
    const targets = evaluateTargets(figures);
    expect(targets.every((check) => check.pass === true)).toBe(true);
    expect(correctnessFailed(targets)).toBe(false);
  });

  it('fails on a lost report and on a doubled one, and says how many', () => {
    const lost = evaluateTargets({ ...figures, integrity: { ...figures.integrity, snapshotReported: 997 } });
    expect(correctnessFailed(lost)).toBe(true);
    expect(lost[0]?.actual).toContain('lost 3, doubled 0');
    const doubled = { ...figures.integrity, snapshotReported: 1_002 };
    expect(integrityVerdict(doubled)).toEqual({ lost: 0, doubled: 2 });
    expect(integrityVerdict({ ...figures.integrity, acceptedAnswers: 1_001 })).toEqual({ lost: 0, doubled: 1 });
    expect(correctnessFailed(evaluateTargets({ ...figures, integrity: { ...figures.integrity, duplicatesAnswered: 150 } }))).toBe(true);
  });

  it('reports a slow machine without failing the bench', () => {
    const slow = evaluateTargets({ ...figures, throughput: [run(100, 2_000)], endToEnd: [{ ...idle, pushMs: { ...latency, p95: 4_000 } }] });
    expect(slow.find((check) => check.name.startsWith('ingest, 100'))?.pass).toBe(false);
    expect(slow.find((check) => check.name.startsWith('ingest, 1000'))?.pass).toBeNull();
    expect(slow.find((check) => check.name.startsWith('post-to-screen'))?.pass).toBe(false);
    expect(correctnessFailed(slow)).toBe(false);
  });

  it('gives no integrity verdict when the day changed under the run', () => {
    const targets = evaluateTargets({ ...figures, integrity: { ...figures.integrity, conclusive: false, snapshotReported: 3 } });
    expect(targets[0]?.pass).toBeNull();
    expect(correctnessFailed(targets)).toBe(false);
  });

  it('counts timed-out end-to-end samples as a miss', () => {
    const target = check({ ...figures, endToEnd: [{ ...idle, timeouts: 1 }] }, 'post-to-screen');
    expect(target?.pass).toBe(false);
    expect(target?.actual).toContain('1 timed out');
  });
});

describe('ticket targets', () => {
  it('passes when the KPIs counted every acknowledged dispatch and verification once', () => {
    const target = check(figures, 'ticket events: KPIs');
    expect(target).toMatchObject({ kind: 'correctness', pass: true });
    expect(target?.target).toBe('today: dispatched 700, verified 400');
    expect(target?.actual).toBe('dispatched 700, verified 400 (lost 0, doubled 0)');
  });

  it('fails the bench on a lost event, naming how many', () => {
    const lostDispatch = withDrain({ kpiDispatched: 698 });
    expect(ticketDrainVerdict(lostDispatch.tickets.drain)).toEqual({ lost: 2, doubled: 0 });
    expect(check(lostDispatch, 'ticket events: KPIs')?.actual).toContain('lost 2, doubled 0');
    expect(correctnessFailed(evaluateTargets(lostDispatch))).toBe(true);
    expect(ticketDrainVerdict(withDrain({ kpiVerified: 399 }).tickets.drain)).toEqual({ lost: 1, doubled: 0 });
  });

  it('fails the bench on a doubled event, in the KPIs or in the answers', () => {
    expect(ticketDrainVerdict(withDrain({ kpiVerified: 401 }).tickets.drain)).toEqual({ lost: 0, doubled: 1 });
    expect(ticketDrainVerdict(withDrain({ kpiDispatched: 703 }).tickets.drain)).toEqual({ lost: 0, doubled: 3 });
    expect(ticketDrainVerdict(withDrain({ recordedAnswers: 1_904 }).tickets.drain)).toEqual({ lost: 0, doubled: 4 });
    expect(correctnessFailed(evaluateTargets(withDrain({ recordedAnswers: 1_901 })))).toBe(true);
  });

  it('does not call a ticket doubled when its request was never acknowledged, but only up to that many', () => {
    expect(ticketDrainVerdict(withDrain({ unacknowledged: 2, kpiDispatched: 702 }).tickets.drain)).toEqual({ lost: 0, doubled: 0 });
    expect(ticketDrainVerdict(withDrain({ unacknowledged: 2, kpiDispatched: 703 }).tickets.drain)).toEqual({ lost: 0, doubled: 1 });
  });

  it('fails when the KPI endpoint never answered: nothing shows the events arrived', () => {
    const silent = withDrain({ kpiDispatched: null, kpiVerified: null, drainMs: null });
    expect(ticketDrainVerdict(silent.tickets.drain)).toBeNull();
    expect(check(silent, 'ticket events: KPIs')).toMatchObject({ pass: false, actual: 'KPI endpoint never answered' });
    expect(correctnessFailed(evaluateTargets(silent))).toBe(true);
  });

  it('fails when a re-sent event request was not answered as already recorded, or none was re-sent', () => {
    const once = { ...figures, tickets: { ...tickets, resentUnchanged: 39 } };
    expect(check(once, 'ticket events re-sent')).toMatchObject({ pass: false, actual: '39 of 40' });
    expect(correctnessFailed(evaluateTargets(once))).toBe(true);
    expect(check({ ...figures, tickets: { ...tickets, resent: 0, resentUnchanged: 0 } }, 'ticket events re-sent')?.pass).toBe(false);
  });

  it('reports slow ticket figures without failing the bench', () => {
    const slow: BenchFigures = {
      ...figures,
      tickets: {
        ...tickets,
        lives: eventRun(4, 60),
        singles: { ...eventRun(1, 10), latencyMs: { p50: 400, p95: 900, p99: 1_400, max: 2_000 } },
        drain: { ...tickets.drain, drainMs: 12_000 },
        kpiQuery: { ...tickets.kpiQuery, latencyMs: { p50: 700, p95: 1_300, p99: 1_500, max: 1_500 } },
      },
    };
    for (const prefix of ['ticket lives', 'ticket events, 1 per request', 'ticket event request latency', 'ticket events to KPIs', 'KPI query']) {
      expect(check(slow, prefix)).toMatchObject({ kind: 'speed', pass: false });
      expect(check(figures, prefix)).toMatchObject({ kind: 'speed', pass: true });
    }
    expect(check(slow, 'ticket event request latency')?.actual).toBe('p99 1,400 ms');
    expect(check(slow, 'KPI query')?.name).toBe('KPI query, district, 240,000 tickets');
    expect(correctnessFailed(evaluateTargets(slow))).toBe(false);
  });

  it('counts a drain that never completed and failed KPI reads as misses', () => {
    expect(check(withDrain({ drainMs: null, waitedMs: 60_000 }), 'ticket events to KPIs')).toMatchObject({ pass: false, actual: 'not reached in 60,000 ms' });
    const failing = { ...figures, tickets: { ...tickets, kpiQuery: { ...tickets.kpiQuery, errors: 2 } } };
    expect(check(failing, 'KPI query')).toMatchObject({ pass: false, actual: 'p95 200 ms, 2 failed' });
  });
});

describe('alert targets', () => {
  it('passes when both consoles got exactly one alert per critical report', () => {
    expect(check(figures, 'critical alerts, idle')).toMatchObject({ kind: 'correctness', pass: true, actual: '200 acknowledged, received 200 / 200 (lost 0, doubled 0)' });
    expect(check(figures, 'critical report to console')).toMatchObject({ kind: 'speed', pass: true, actual: 'p95 120 ms, max 180 ms' });
    expect(check(figures, 'acknowledge to the other console')).toMatchObject({ kind: 'speed', pass: true });
  });

  it('fails the bench on an alert missing from either console, or a second alert for a grid', () => {
    expect(alertVerdict({ ...alertRun, received: 198 })).toEqual({ lost: 2, doubled: 0 });
    expect(alertVerdict({ ...alertRun, receivedSecond: 199, extraNotices: 3 })).toEqual({ lost: 1, doubled: 3 });
    for (const change of [{ received: 199 }, { receivedSecond: 199 }, { extraNotices: 1 }, { acknowledged: 199 }, { sent: 0, acknowledged: 0, received: 0, receivedSecond: 0 }]) {
      expect(correctnessFailed(evaluateTargets(withAlert(change)))).toBe(true);
    }
  });

  it('reports a slow alert path or an acknowledgement that never reached the other console without failing the bench', () => {
    const slow = withAlert({ pushMs: { p50: 900, p95: 1_400, p99: 2_000, max: 2_100 }, actions: { ...alertRun.actions, timeouts: 1 } });
    expect(check(slow, 'critical report to console')?.pass).toBe(false);
    expect(check(slow, 'acknowledge to the other console')).toMatchObject({ pass: false, actual: 'p95 18 ms, 1 timed out, 0 failed' });
    expect(correctnessFailed(evaluateTargets(slow))).toBe(false);
  });
});

describe('previousRunOf', () => {
  it('reads the ingest figures of an older results file, without the fields it lacks', () => {
    const older = { date: '2026-11-25T16:36:12.157Z', throughput: [run(100, 15_594), { batchSize: 'x' }], endToEnd: [] };
    expect(previousRunOf(older)).toEqual({ date: '2026-11-25T16:36:12.157Z', commit: null, throughput: [{ batchSize: 100, reportsPerSecond: 15_594, p99Ms: 20, drainMs: 400 }] });
    expect(previousRunOf({ ...older, commit: 'abc1234' })?.commit).toBe('abc1234');
  });

  it('gives null for a file without ingest figures', () => {
    for (const file of [null, 'text', {}, { date: 'd', throughput: [] }, { throughput: [run(1, 10)] }]) expect(previousRunOf(file)).toBeNull();
  });
});

describe('security layer', () => {
  it('compares each credential with the public route of the same run: share of its requests/s, time added per request', () => {
    const accessToken = check(figures, 'security layer per request (GET /api/v1/auth/me with access token)');
    expect(accessToken).toMatchObject({ pass: true, kind: 'speed', actual: '80 % (3,200 vs 4,000 requests/s; p50 +0.5 ms, p99 +1.5 ms)' });
    expect(overheadOf(security.baseline, security.authenticated[1] as SecurityRun).perRequestUs).toBeCloseTo(150, 6);
  });

  it('reports a layer that halves the throughput without failing the bench, and fails it when an anonymous request got through', () => {
    const slow = { ...figures, security: { ...security, authenticated: [securityRun('GET /api/v1/auth/me', 'ingest key', 1_000, 9)] } };
    expect(check(slow, 'security layer per request')?.pass).toBe(false);
    expect(correctnessFailed(evaluateTargets(slow))).toBe(false);
    const open = { ...figures, security: { ...security, anonymous: { sent: 2, refused: 1 } } };
    expect(check(open, 'requests without a credential refused')?.pass).toBe(false);
    expect(correctnessFailed(evaluateTargets(open))).toBe(true);
  });
});

describe('renderMarkdown', () => {
  it('shows the machine, every target with its result, and every figure table', () => {
    const result: BenchResult = {
      ...figures,
      version: 1,
      date: '2026-11-23T18:00:00.000Z',
      commit: 'abc1234',
      previous: { date: '2026-11-20T10:00:00.000Z', commit: null, throughput: [{ batchSize: 100, reportsPerSecond: 10_000, p99Ms: 30, drainMs: 50 }] },
      durationSeconds: 120,
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 4, platform: 'linux x64', node: 'v20.20.2', loadAverageAtStart: 0.5 },
      targets: evaluateTargets(figures),
    };
    const text = renderMarkdown(result);
    expect(text).toContain('2026-11-23T18:00:00.000Z · abc1234 · 2 × Test CPU · 4 GB · linux x64 · Node v20.20.2');
    expect(text).toContain('Against the previous results file (2026-11-20T10:00:00.000Z)');
    expect(text).toContain('| 100 | 10,000 | 9,000 | −10 % | 30 ms | 20 ms | 50 ms | 400 ms |');
    expect(text).toContain('| idle | 20 | 200 | 200 | 200 / 200 | 0 | 60 ms | 120 ms | 150 ms | 180 ms | 40 | 40 | 0 | 8 ms | 15 ms | 10 ms | 18 ms | 25 ms |');
    expect(text).toContain('| ingest, 100 reports per request | ≥ 5,000 reports/s | 9,000 reports/s | pass |');
    expect(text).toContain('| 1000 | 8 | 8.0 |');
    expect(text).toContain('| requests/s | errors | backpressured | p50 |');
    expect(text).toContain('| idle | 15 | 0 |');
    expect(text).toContain('300 MiB ready → 600 MiB peak → 500 MiB after');
    expect(text).toContain('| ticket events: KPIs count every acknowledged event once | today: dispatched 700, verified 400 | dispatched 700, verified 400 (lost 0, doubled 0) | pass |');
    expect(text).toContain('| whole life | 4 | 8 | 10.0 | 400 | 400 | 1,600 | 160 | 40 | 0 | 40 ms | 120 ms | 300 ms | 400 ms |');
    expect(text).toContain('| single event | 1 | 8 | 10.0 | 300 | 300 | 300 | 30 | 30 | 0 |');
    expect(text).toContain('5,000 reports posted 1,000 per request');
    expect(text).toContain('250 ms after the last 202');
    expect(text).toContain('counted dispatched 700 / 700 and verified 400 / 400 1,200 ms after the last acknowledgement');
    expect(text).toContain('answered 200 with `recorded: 0`: 40');
    expect(text).toContain('240,000 tickets in the store');
    expect(text).toContain('p50 80 ms, p95 200 ms');
    expect(text).toContain('| GET /api/v1/auth/me | ingest key | 8 | 3.0 | 7,500 | 2,500 | 0 | 3.0 ms | 9.0 ms | 63 % | +150 µs | +1.0 ms | +3.0 ms |');
    expect(text).toContain('2 of 2 requests sent without a credential');
    expect(text).not.toContain('Other work was running');
    expect(renderMarkdown({ ...result, previous: null, alerts: [] })).not.toMatch(/previous results file|Critical alerts/);
    expect(renderMarkdown({ ...result, machine: { ...result.machine, loadAverageAtStart: 6.5 } })).toContain('load average 6.5 on 2 CPUs');
  });
});
