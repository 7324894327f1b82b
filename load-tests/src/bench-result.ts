/** The figures `npm run bench` measures, as written to bench-results/latest.json. */
import type { Percentiles } from './percentiles';
import { securityChecks, securityLines, type SecurityOverhead } from './security-overhead';
import type { TargetCheck } from './target-check';

export { percentilesOf, type Percentiles } from './percentiles';
export { overheadOf, type SecurityOverhead, type SecurityRun } from './security-overhead';
export type { TargetCheck } from './target-check';

export interface ThroughputRun {
  readonly batchSize: number;
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly reportsAccepted: number;
  readonly reportsPerSecond: number;
  readonly requestsPerSecond: number;
  /** Non-202 answers and network errors; 503s were retried with the same ids. */
  readonly errors: number;
  /** 503/429 answers with Retry-After (ingest shedding load), waited out and sent again with the same ids; not errors. */
  readonly backpressured: number;
  readonly latencyMs: Percentiles;
  /** From the last 202 until the district snapshot counted every report: how far the pipeline lagged. */
  readonly drainMs: number | null;
}

export interface EndToEndRun {
  readonly label: string;
  /** Background ingest while sampling, reports per second (0 = idle). */
  readonly backgroundRate: number;
  readonly samples: number;
  readonly timeouts: number;
  /** From the POST's 202 to GET /api/v1/snapshot counting the report. */
  readonly snapshotMs: Percentiles;
  /** From the POST's 202 to a socket.io `snapshot` push counting the report. */
  readonly pushMs: Percentiles;
}

export interface IntegrityCheck {
  /** Distinct report ids the API acknowledged as accepted. */
  readonly distinctAccepted: number;
  /** Sum of `accepted` over every 202: equals distinctAccepted unless the API counted a report twice. */
  readonly acceptedAnswers: number;
  readonly resent: number;
  readonly duplicatesAnswered: number;
  /** `totals.reported` of the district once the pipeline was drained. */
  readonly snapshotReported: number | null;
  readonly waitedMs: number;
  /** False when the Asia/Shanghai day changed during the run: "today" was reset, so no verdict. */
  readonly conclusive: boolean;
}

export interface MemoryFigures {
  /** The server process (Node + embedded ClickHouse), MiB. */
  readonly serverBeforeMb: number | null;
  readonly serverPeakMb: number | null;
  readonly serverAfterMb: number | null;
  /** Its child processes (redis-server) after the run, MiB. */
  readonly childrenAfterMb: number | null;
}

/** One closed-loop run of `POST /api/v1/tickets/{id}/events`, each request for a different ticket. */
export interface TicketEventRun {
  readonly label: string;
  readonly eventsPerRequest: number;
  readonly connections: number;
  readonly seconds: number;
  /** Requests sent, retries included. */
  readonly requests: number;
  /** Requests answered 202 (or 200 on a retry whose first answer was lost). */
  readonly acknowledged: number;
  /** Sum of `recorded` over the answers. */
  readonly eventsRecorded: number;
  readonly eventsPerSecond: number;
  readonly requestsPerSecond: number;
  /** Answers other than 200/202 and network errors; 503s were retried with the same body. */
  readonly errors: number;
  readonly latencyMs: Percentiles;
}

/** What the KPI endpoint must count once the tickets phase is drained, and what it counted. */
export interface TicketDrainCheck {
  /** `today`, or `custom` over the days the events fell on when the bench crossed midnight. */
  readonly period: string;
  /** Tickets whose dispatch (alone or in a whole life) was acknowledged. */
  readonly expectedDispatched: number;
  /** Tickets whose whole life (ending verified) was acknowledged. */
  readonly expectedVerified: number;
  /** Events in acknowledged requests, and the sum of `recorded` over every answer: above it, an event was recorded twice. */
  readonly expectedEvents: number;
  readonly recordedAnswers: number;
  /** Requests never acknowledged after retries: their tickets may or may not have moved, so that many extra are not "doubled". */
  readonly unacknowledged: number;
  /** `current.dispatched` and `current.verified` of the district at the last read; null if the endpoint never answered. */
  readonly kpiDispatched: number | null;
  readonly kpiVerified: number | null;
  /** From the last acknowledged event request until the KPIs counted everything; null if they never did. */
  readonly drainMs: number | null;
  readonly waitedMs: number;
}

export interface TicketFigures {
  /** Reports posted for this phase (each one a ticket), `reportsPerRequest` per request, reportedAt about 2 h ago. */
  readonly reports: number;
  readonly reportsPerRequest: number;
  /** From the last 202 until `GET /api/v1/tickets/{id}` answered 200 for the last report of every request. */
  readonly readyMs: number | null;
  /** (a) dispatched, accepted, resolved, verified as one array request per ticket. */
  readonly lives: TicketEventRun;
  /** (b) one `dispatched` event per request. */
  readonly singles: TicketEventRun;
  /** Acknowledged requests sent again unchanged, and how many were answered 200 with `recorded: 0`. */
  readonly resent: number;
  readonly resentUnchanged: number;
  readonly drain: TicketDrainCheck;
  /** Sequential `GET /api/v1/kpis?scope=district&period=week` once every phase's data was in. */
  readonly kpiQuery: {
    readonly period: string;
    readonly samples: number;
    readonly errors: number;
    readonly latencyMs: Percentiles;
    /** Distinct reports accepted over the whole bench: every one is a ticket in the store. */
    readonly ticketsInStore: number;
    /** `current.reported` of that answer (the week's tickets): equals ticketsInStore unless the week began during the last 2 h. */
    readonly weekReported: number | null;
  };
}

/** Acknowledgements of alerts one at a time over REST, each timed to the `alertUpdated` on another console. */
export interface AlertActionRun {
  readonly samples: number;
  /** Answered 200; a 409 (someone else acted first) is counted apart, anything else is an error. */
  readonly applied: number;
  readonly conflicts: number;
  readonly errors: number;
  /** Applied, but no `alertUpdated` reached the other console in time. */
  readonly timeouts: number;
  /** `POST /api/v1/alerts/{id}/actions` answered. */
  readonly requestMs: Percentiles;
  /** From sending the POST to the `alertUpdated` (change `acknowledge`) on the second console. */
  readonly pushMs: Percentiles;
}

/** Critical reports, one per grid, timed from the 202 to the `alert` on a console watching the district. */
export interface AlertRun {
  readonly label: string;
  /** Ordinary reports per second ingested meanwhile in other grids (0 = idle). */
  readonly backgroundRate: number;
  readonly reportsPerSecond: number;
  /** Critical reports posted, and answered 202. */
  readonly sent: number;
  readonly acknowledged: number;
  /** Of the acknowledged, whose grid's `alert` reached the first console, and the second. */
  readonly received: number;
  readonly receivedSecond: number;
  /** `alert` notices for the measured grids beyond one per grid and console: a doubled alert. */
  readonly extraNotices: number;
  readonly pushMs: Percentiles;
  readonly actions: AlertActionRun;
  readonly seconds: number;
}

/** The ingest figures of the bench-results file this run replaced, to set this run's beside. */
export interface PreviousRun {
  readonly date: string;
  readonly commit: string | null;
  readonly throughput: ReadonlyArray<{ readonly batchSize: number; readonly reportsPerSecond: number; readonly p99Ms: number | null; readonly drainMs: number | null }>;
}

export interface BenchFigures {
  readonly throughput: readonly ThroughputRun[];
  readonly endToEnd: readonly EndToEndRun[];
  readonly integrity: IntegrityCheck;
  readonly memory: MemoryFigures;
  readonly tickets: TicketFigures;
  readonly alerts: readonly AlertRun[];
  readonly security: SecurityOverhead;
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly platform: string;
  readonly node: string;
  /** 1-minute load average when the bench started: above the CPU count, other work skewed the figures. */
  readonly loadAverageAtStart: number;
}

export interface BenchResult extends BenchFigures {
  readonly version: 1;
  readonly date: string;
  /** `git describe --always --dirty` of the tree that ran. */
  readonly commit: string | null;
  readonly previous: PreviousRun | null;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly targets: readonly TargetCheck[];
}

/**
 * Speed targets, report-only. The ticket ones are modest on purpose: a district of 800 grids files a few reports
 * a second at a campaign's peak, each living through about four events, so 100 events/s in whole lives and
 * 20 single-event requests/s are several times what an officer-facing API meets, on a shared two-core machine.
 */
export const TARGETS = {
  reportsPerSecondAt100: 5_000,
  reportsPerSecondAt1000: 10_000,
  singleReportP99Ms: 250,
  postToScreenP95Ms: 1_500,
  ticketLifeEventsPerSecond: 100,
  ticketSingleEventsPerSecond: 20,
  ticketEventP99Ms: 1_000,
  ticketDrainMs: 10_000,
  kpiQueryP95Ms: 1_000,
  /** The issue's promise: a duty officer sees a problem within a second of its report. */
  alertP95Ms: 1_000,
  alertActionP95Ms: 1_000,
} as const;

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (value: number | null): string => (value === null ? '–' : `${integer.format(value)} ms`);
const atMost = (value: number | null, limit: number): boolean | null => (value === null ? null : value <= limit);
const atLeast = (value: number | null, limit: number): boolean | null => (value === null ? null : value >= limit);

/** Loss or doubling in either direction; null when the run cannot tell. */
export function integrityVerdict(integrity: IntegrityCheck): { lost: number; doubled: number } | null {
  if (!integrity.conclusive || integrity.snapshotReported === null) return null;
  const difference = integrity.snapshotReported - integrity.distinctAccepted;
  return {
    lost: Math.max(0, -difference),
    doubled: Math.max(0, difference) + Math.max(0, integrity.acceptedAnswers - integrity.distinctAccepted),
  };
}

export function evaluateTargets(figures: BenchFigures): TargetCheck[] {
  const run = (size: number): ThroughputRun | undefined => figures.throughput.find((entry) => entry.batchSize === size);
  const at100 = run(100)?.reportsPerSecond ?? null;
  const at1000 = run(1000)?.reportsPerSecond ?? null;
  const single = run(1)?.latencyMs.p99 ?? null;
  const verdict = integrityVerdict(figures.integrity);
  const { integrity } = figures;
  const checks: TargetCheck[] = [
    {
      name: 'nothing lost or doubled',
      target: 'snapshot totals.reported = distinct accepted ids',
      actual:
        verdict === null
          ? 'no verdict (day changed or snapshot unavailable)'
          : `${integer.format(integrity.snapshotReported ?? 0)} reported / ${integer.format(integrity.distinctAccepted)} accepted (lost ${verdict.lost}, doubled ${verdict.doubled})`,
      pass: verdict === null ? null : verdict.lost === 0 && verdict.doubled === 0,
      kind: 'correctness',
    },
    {
      name: 're-sent ids answered as duplicates',
      target: `${integer.format(integrity.resent)} duplicates`,
      actual: `${integer.format(integrity.duplicatesAnswered)} duplicates`,
      pass: integrity.duplicatesAnswered === integrity.resent,
      kind: 'correctness',
    },
    {
      name: 'ingest, 100 reports per request',
      target: `≥ ${integer.format(TARGETS.reportsPerSecondAt100)} reports/s`,
      actual: at100 === null ? '–' : `${integer.format(at100)} reports/s`,
      pass: atLeast(at100, TARGETS.reportsPerSecondAt100),
      kind: 'speed',
    },
    {
      name: 'ingest, 1000 reports per request',
      target: `≥ ${integer.format(TARGETS.reportsPerSecondAt1000)} reports/s`,
      actual: at1000 === null ? '–' : `${integer.format(at1000)} reports/s`,
      pass: atLeast(at1000, TARGETS.reportsPerSecondAt1000),
      kind: 'speed',
    },
    {
      name: 'single-report request latency under load',
      target: `p99 ≤ ${ms(TARGETS.singleReportP99Ms)}`,
      actual: `p99 ${ms(single)}`,
      pass: atMost(single, TARGETS.singleReportP99Ms),
      kind: 'speed',
    },
  ];
  for (const run of figures.endToEnd) {
    checks.push({
      name: `post-to-screen (socket.io push), ${run.label}`,
      target: `p95 ≤ ${ms(TARGETS.postToScreenP95Ms)}`,
      actual: `p95 ${ms(run.pushMs.p95)}${run.timeouts > 0 ? `, ${run.timeouts} timed out` : ''}`,
      pass: run.timeouts > 0 ? false : atMost(run.pushMs.p95, TARGETS.postToScreenP95Ms),
      kind: 'speed',
    });
  }
  checks.push(...ticketChecks(figures.tickets), ...figures.alerts.flatMap(alertChecks), ...securityChecks(figures.security));
  return checks;
}

/** Critical reports whose alert did not reach a console, and `alert` notices beyond one per grid and console. */
export function alertVerdict(run: AlertRun): { lost: number; doubled: number } {
  return { lost: run.sent - run.received + (run.sent - run.receivedSecond), doubled: run.extraNotices };
}

function alertChecks(run: AlertRun): TargetCheck[] {
  const verdict = alertVerdict(run);
  const { actions } = run;
  return [
    {
      name: `critical alerts, ${run.label}: one \`alert\` per report's grid on each console`,
      target: `${integer.format(run.sent)} sent = received on both consoles, none extra`,
      actual: `${integer.format(run.acknowledged)} acknowledged, received ${integer.format(run.received)} / ${integer.format(run.receivedSecond)} (lost ${verdict.lost}, doubled ${verdict.doubled})`,
      pass: run.sent > 0 && run.acknowledged === run.sent && verdict.lost === 0 && verdict.doubled === 0,
      kind: 'correctness',
    },
    {
      name: `critical report to console (socket.io \`alert\`), ${run.label}`,
      target: `p95 ≤ ${ms(TARGETS.alertP95Ms)}`,
      actual: `p95 ${ms(run.pushMs.p95)}, max ${ms(run.pushMs.max)}`,
      pass: atMost(run.pushMs.p95, TARGETS.alertP95Ms),
      kind: 'speed',
    },
    {
      name: `acknowledge to the other console (\`alertUpdated\`), ${run.label}`,
      target: `p95 ≤ ${ms(TARGETS.alertActionP95Ms)}`,
      actual: `p95 ${ms(actions.pushMs.p95)}${actions.timeouts + actions.errors > 0 ? `, ${actions.timeouts} timed out, ${actions.errors} failed` : ''}`,
      pass: actions.timeouts + actions.errors > 0 ? false : atMost(actions.pushMs.p95, TARGETS.alertActionP95Ms),
      kind: 'speed',
    },
  ];
}

/** Tickets' KPI counts against what was acknowledged; null when the KPI endpoint never answered. */
export function ticketDrainVerdict(drain: TicketDrainCheck): { lost: number; doubled: number } | null {
  if (drain.kpiDispatched === null || drain.kpiVerified === null) return null;
  const lost = Math.max(0, drain.expectedDispatched - drain.kpiDispatched) + Math.max(0, drain.expectedVerified - drain.kpiVerified);
  // A request that was never acknowledged may still have been recorded: up to that many extra tickets are not doubled.
  const excess = (counted: number, expected: number): number => Math.max(0, counted - expected - drain.unacknowledged);
  const doubled =
    excess(drain.kpiDispatched, drain.expectedDispatched) + excess(drain.kpiVerified, drain.expectedVerified) + Math.max(0, drain.recordedAnswers - drain.expectedEvents);
  return { lost, doubled };
}

function ticketChecks(tickets: TicketFigures): TargetCheck[] {
  const { drain, lives, singles, kpiQuery } = tickets;
  const verdict = ticketDrainVerdict(drain);
  const worstP99 = lives.latencyMs.p99 === null || singles.latencyMs.p99 === null ? null : Math.max(lives.latencyMs.p99, singles.latencyMs.p99);
  return [
    {
      name: 'ticket events: KPIs count every acknowledged event once',
      target: `${drain.period}: dispatched ${integer.format(drain.expectedDispatched)}, verified ${integer.format(drain.expectedVerified)}`,
      actual:
        verdict === null
          ? 'KPI endpoint never answered'
          : `dispatched ${integer.format(drain.kpiDispatched ?? 0)}, verified ${integer.format(drain.kpiVerified ?? 0)} (lost ${verdict.lost}, doubled ${verdict.doubled})`,
      pass: verdict !== null && verdict.lost === 0 && verdict.doubled === 0,
      kind: 'correctness',
    },
    {
      name: 'ticket events re-sent answered 200, recorded 0',
      target: `${integer.format(tickets.resent)} of ${integer.format(tickets.resent)}`,
      actual: `${integer.format(tickets.resentUnchanged)} of ${integer.format(tickets.resent)}`,
      pass: tickets.resent > 0 && tickets.resentUnchanged === tickets.resent,
      kind: 'correctness',
    },
    {
      name: 'ticket lives, 4 events per request',
      target: `≥ ${integer.format(TARGETS.ticketLifeEventsPerSecond)} events/s`,
      actual: `${integer.format(lives.eventsPerSecond)} events/s`,
      pass: lives.acknowledged === 0 ? null : atLeast(lives.eventsPerSecond, TARGETS.ticketLifeEventsPerSecond),
      kind: 'speed',
    },
    {
      name: 'ticket events, 1 per request',
      target: `≥ ${integer.format(TARGETS.ticketSingleEventsPerSecond)} events/s`,
      actual: `${integer.format(singles.eventsPerSecond)} events/s`,
      pass: singles.acknowledged === 0 ? null : atLeast(singles.eventsPerSecond, TARGETS.ticketSingleEventsPerSecond),
      kind: 'speed',
    },
    {
      name: 'ticket event request latency under load',
      target: `p99 ≤ ${ms(TARGETS.ticketEventP99Ms)}`,
      actual: `p99 ${ms(worstP99)}`,
      pass: atMost(worstP99, TARGETS.ticketEventP99Ms),
      kind: 'speed',
    },
    {
      name: 'ticket events to KPIs (drain)',
      target: `≤ ${ms(TARGETS.ticketDrainMs)}`,
      actual: drain.drainMs === null ? `not reached in ${ms(drain.waitedMs)}` : ms(drain.drainMs),
      pass: drain.drainMs === null ? false : atMost(drain.drainMs, TARGETS.ticketDrainMs),
      kind: 'speed',
    },
    {
      name: `KPI query, district, ${integer.format(kpiQuery.ticketsInStore)} tickets`,
      target: `p95 ≤ ${ms(TARGETS.kpiQueryP95Ms)}`,
      actual: `p95 ${ms(kpiQuery.latencyMs.p95)}${kpiQuery.errors > 0 ? `, ${kpiQuery.errors} failed` : ''}`,
      pass: kpiQuery.errors > 0 ? false : atMost(kpiQuery.latencyMs.p95, TARGETS.kpiQueryP95Ms),
      kind: 'speed',
    },
  ];
}

/** The bench fails only on a correctness target: a slow machine is reported, not punished. */
export function correctnessFailed(targets: readonly TargetCheck[]): boolean {
  return targets.some((check) => check.kind === 'correctness' && check.pass === false);
}

const mark = (pass: boolean | null): string => (pass === null ? '–' : pass ? 'pass' : 'FAIL');
const count = (value: number | null): string => (value === null ? '–' : integer.format(value));
const mb = (value: number | null): string => (value === null ? '–' : `${integer.format(value)} MiB`);

export function renderMarkdown(result: BenchResult): string {
  const lines = [
    '# grid-command bench',
    '',
    `${result.date}${result.commit === null ? '' : ` · ${result.commit}`} · ${result.machine.cpus} × ${result.machine.cpuModel} · ${result.machine.memoryGb} GB · ${result.machine.platform} · Node ${result.machine.node} · ${integer.format(result.durationSeconds)} s`,
    '',
    'Server and load generator share this machine; figures are a floor for a dedicated server.',
    ...(result.machine.loadAverageAtStart > result.machine.cpus
      ? ['', `**Other work was running** (load average ${result.machine.loadAverageAtStart.toFixed(1)} on ${result.machine.cpus} CPUs at the start): the speed figures understate this machine.`]
      : []),
    '',
    '## Targets',
    '',
    '| check | target | actual | result |',
    '| --- | --- | --- | --- |',
    ...result.targets.map((check) => `| ${check.name} | ${check.target} | ${check.actual} | ${mark(check.pass)} |`),
    '',
    '## Ingest throughput (`POST /api/v1/reports`, keep-alive)',
    '',
    '| reports/request | connections | seconds | requests | reports accepted | reports/s | requests/s | errors | backpressured | p50 | p95 | p99 | max | drained after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.throughput.map(
      (run) =>
        `| ${run.batchSize} | ${run.connections} | ${run.seconds.toFixed(1)} | ${integer.format(run.requests)} | ${integer.format(run.reportsAccepted)} | ` +
        `${integer.format(run.reportsPerSecond)} | ${integer.format(run.requestsPerSecond)} | ${run.errors} | ${run.backpressured} | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} | ${ms(run.latencyMs.max)} | ${ms(run.drainMs)} |`,
    ),
    '',
    ...previousLines(result),
    '## Post to screen (from the 202 to the report being counted)',
    '',
    '| while | samples | timeouts | snapshot (HTTP) p50 | p95 | max | socket.io push p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.endToEnd.map(
      (run) =>
        `| ${run.label} | ${run.samples} | ${run.timeouts} | ${ms(run.snapshotMs.p50)} | ${ms(run.snapshotMs.p95)} | ${ms(run.snapshotMs.max)} | ` +
        `${ms(run.pushMs.p50)} | ${ms(run.pushMs.p95)} | ${ms(run.pushMs.max)} |`,
    ),
    '',
    ...alertLines(result.alerts),
    ...securityLines(result.security),
    '## Tickets (`POST /api/v1/tickets/{id}/events`, keep-alive, one ticket per request)',
    '',
    `${integer.format(result.tickets.reports)} reports posted ${integer.format(result.tickets.reportsPerRequest)} per request (reported about 2 h earlier); every one a ticket (\`GET /api/v1/tickets/{id}\` 200) ${ms(result.tickets.readyMs)} after the last 202.`,
    '',
    '| requests of | events/request | connections | seconds | requests | acknowledged | events recorded | events/s | requests/s | errors | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[result.tickets.lives, result.tickets.singles].map(
      (run) =>
        `| ${run.label} | ${run.eventsPerRequest} | ${run.connections} | ${run.seconds.toFixed(1)} | ${integer.format(run.requests)} | ${integer.format(run.acknowledged)} | ` +
        `${integer.format(run.eventsRecorded)} | ${integer.format(run.eventsPerSecond)} | ${integer.format(run.requestsPerSecond)} | ${run.errors} | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} | ${ms(run.latencyMs.max)} |`,
    ),
    '',
    `- drain: \`GET /api/v1/kpis\` (${result.tickets.drain.period}) counted dispatched ${count(result.tickets.drain.kpiDispatched)} / ${integer.format(result.tickets.drain.expectedDispatched)} and verified ${count(result.tickets.drain.kpiVerified)} / ${integer.format(result.tickets.drain.expectedVerified)} ` +
      `${result.tickets.drain.drainMs === null ? `(not reached in ${ms(result.tickets.drain.waitedMs)})` : `${ms(result.tickets.drain.drainMs)} after the last acknowledgement`}; ` +
      `events in acknowledged requests ${integer.format(result.tickets.drain.expectedEvents)}, sum of \`recorded\` answers ${integer.format(result.tickets.drain.recordedAnswers)}, never acknowledged ${integer.format(result.tickets.drain.unacknowledged)}`,
    `- re-sent acknowledged event requests: ${integer.format(result.tickets.resent)}; answered 200 with \`recorded: 0\`: ${integer.format(result.tickets.resentUnchanged)}`,
    `- KPI query (district, ${result.tickets.kpiQuery.period}, ${result.tickets.kpiQuery.samples} sequential, ${integer.format(result.tickets.kpiQuery.ticketsInStore)} tickets in the store, week's \`reported\` ${count(result.tickets.kpiQuery.weekReported)}): ` +
      `p50 ${ms(result.tickets.kpiQuery.latencyMs.p50)}, p95 ${ms(result.tickets.kpiQuery.latencyMs.p95)}, max ${ms(result.tickets.kpiQuery.latencyMs.max)}, ${result.tickets.kpiQuery.errors} failed`,
    '',
    '## Integrity and memory',
    '',
    `- distinct reports accepted: ${integer.format(result.integrity.distinctAccepted)}; sum of \`accepted\` answers: ${integer.format(result.integrity.acceptedAnswers)}`,
    `- district \`totals.reported\` after draining: ${result.integrity.snapshotReported === null ? '–' : integer.format(result.integrity.snapshotReported)} (waited ${integer.format(result.integrity.waitedMs)} ms)`,
    `- re-sent on purpose: ${integer.format(result.integrity.resent)}; answered as duplicates: ${integer.format(result.integrity.duplicatesAnswered)}`,
    `- server RSS: ${mb(result.memory.serverBeforeMb)} ready → ${mb(result.memory.serverPeakMb)} peak → ${mb(result.memory.serverAfterMb)} after; child processes (redis) ${mb(result.memory.childrenAfterMb)}`,
    '',
  ];
  return lines.join('\n');
}

/** This run's ingest figures beside those of the results file it replaced. */
function previousLines(result: BenchResult): string[] {
  const { previous } = result;
  if (previous === null) return [];
  const signed = (now: number, before: number): string => `${now >= before ? '+' : '−'}${Math.abs(Math.round(((now - before) / before) * 100))} %`;
  const rows = result.throughput.flatMap((run) => {
    const before = previous.throughput.find((entry) => entry.batchSize === run.batchSize);
    if (before === undefined) return [];
    return [
      `| ${run.batchSize} | ${integer.format(before.reportsPerSecond)} | ${integer.format(run.reportsPerSecond)} | ${signed(run.reportsPerSecond, before.reportsPerSecond)} | ` +
        `${ms(before.p99Ms)} | ${ms(run.latencyMs.p99)} | ${ms(before.drainMs)} | ${ms(run.drainMs)} |`,
    ];
  });
  return [
    `Against the previous results file (${previous.date}${previous.commit === null ? '' : `, ${previous.commit}`}); both runs are noisy, a few tens of per cent is the machine, not the code. ` +
      '"Drained after" is how long the pipeline (the worker: store, evaluate alerts, announce) lagged behind the 202s:',
    '',
    '| reports/request | reports/s before | now | change | p99 before | now | drained after, before | now |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function alertLines(runs: readonly AlertRun[]): string[] {
  if (runs.length === 0) return [];
  return [
    '## Critical alerts (from the report\'s 202 to the socket.io `alert` on a console watching the district)',
    '',
    'One critical report per request, each in a grid of its own; two consoles watch the district. Then one officer acknowledges alerts one at a time (`POST /api/v1/alerts/{id}/actions` with `expectedVersion`), timed from the request to the `alertUpdated` on the other console.',
    '',
    '| while | reports/s | sent | acknowledged | received (console 1 / 2) | extra `alert`s | p50 | p95 | p99 | max | acknowledge: samples | applied | 409 | request p50 | p95 | → other console p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.label} | ${run.reportsPerSecond} | ${run.sent} | ${run.acknowledged} | ${run.received} / ${run.receivedSecond} | ${run.extraNotices} | ` +
        `${ms(run.pushMs.p50)} | ${ms(run.pushMs.p95)} | ${ms(run.pushMs.p99)} | ${ms(run.pushMs.max)} | ` +
        `${run.actions.samples} | ${run.actions.applied} | ${run.actions.conflicts} | ${ms(run.actions.requestMs.p50)} | ${ms(run.actions.requestMs.p95)} | ` +
        `${ms(run.actions.pushMs.p50)} | ${ms(run.actions.pushMs.p95)} | ${ms(run.actions.pushMs.max)} |`,
    ),
    '',
  ];
}

/** The ingest figures of an earlier results file, read leniently (older files lack fields); null if it has none. */
export function previousRunOf(file: unknown): PreviousRun | null {
  if (typeof file !== 'object' || file === null) return null;
  const { date, commit, throughput } = file as { date?: unknown; commit?: unknown; throughput?: unknown };
  if (typeof date !== 'string' || !Array.isArray(throughput)) return null;
  const runs = throughput.flatMap((entry: unknown) => {
    const { batchSize, reportsPerSecond, latencyMs, drainMs } = (entry ?? {}) as { batchSize?: unknown; reportsPerSecond?: unknown; latencyMs?: { p99?: unknown }; drainMs?: unknown };
    if (typeof batchSize !== 'number' || typeof reportsPerSecond !== 'number') return [];
    const orNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
    return [{ batchSize, reportsPerSecond, p99Ms: orNull(latencyMs?.p99), drainMs: orNull(drainMs) }];
  });
  return runs.length === 0 ? null : { date, commit: typeof commit === 'string' ? commit : null, throughput: runs };
}
