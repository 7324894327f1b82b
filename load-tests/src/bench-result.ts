/** The figures `npm run bench` measures, as written to bench-results/latest.json. */

export interface Percentiles {
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

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

export interface BenchFigures {
  readonly throughput: readonly ThroughputRun[];
  readonly endToEnd: readonly EndToEndRun[];
  readonly integrity: IntegrityCheck;
  readonly memory: MemoryFigures;
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

export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  /** null when the figure is missing (phase skipped or timed out). */
  readonly pass: boolean | null;
  /** Correctness targets fail the bench; speed targets only report. */
  readonly kind: 'correctness' | 'speed';
}

export interface BenchResult extends BenchFigures {
  readonly version: 1;
  readonly date: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly targets: readonly TargetCheck[];
}

export const TARGETS = {
  reportsPerSecondAt100: 5_000,
  reportsPerSecondAt1000: 10_000,
  singleReportP99Ms: 250,
  postToScreenP95Ms: 1_500,
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
  return checks;
}

/** The bench fails only on a correctness target: a slow machine is reported, not punished. */
export function correctnessFailed(targets: readonly TargetCheck[]): boolean {
  return targets.some((check) => check.kind === 'correctness' && check.pass === false);
}

const mark = (pass: boolean | null): string => (pass === null ? '–' : pass ? 'pass' : 'FAIL');
const mb = (value: number | null): string => (value === null ? '–' : `${integer.format(value)} MiB`);

export function renderMarkdown(result: BenchResult): string {
  const lines = [
    '# grid-command bench',
    '',
    `${result.date} · ${result.machine.cpus} × ${result.machine.cpuModel} · ${result.machine.memoryGb} GB · ${result.machine.platform} · Node ${result.machine.node} · ${integer.format(result.durationSeconds)} s`,
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
    '| reports/request | connections | seconds | requests | reports accepted | reports/s | requests/s | errors | p50 | p95 | p99 | max | drained after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.throughput.map(
      (run) =>
        `| ${run.batchSize} | ${run.connections} | ${run.seconds.toFixed(1)} | ${integer.format(run.requests)} | ${integer.format(run.reportsAccepted)} | ` +
        `${integer.format(run.reportsPerSecond)} | ${integer.format(run.requestsPerSecond)} | ${run.errors} | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} | ${ms(run.latencyMs.max)} | ${ms(run.drainMs)} |`,
    ),
    '',
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
