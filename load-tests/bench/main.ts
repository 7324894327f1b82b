/**
 * `npm run bench`: starts the built server on 127.0.0.1 with a temp data directory, makes its credentials through
 * the API (an ingest key, a duty officer, a display token) and measures, in about two minutes (bounded by a
 * watchdog), what checking a credential costs per request, ingest throughput at 1, 100 and 1000 reports per request, post-to-screen
 * latency idle and under load, that nothing was lost or doubled, critical report to duty console latency idle
 * and under load (every alert once), ticket event throughput and its way into the KPIs (nothing lost or doubled
 * there either), KPI query latency, and server memory. Writes bench-results/latest.{json,md}, with the previous
 * file's ingest figures beside this run's. Exits 1 only on a correctness failure, never because the machine is slow.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startOfDay, validateReferenceFile } from '@grid-command/domain';
import {
  correctnessFailed,
  evaluateTargets,
  previousRunOf,
  renderMarkdown,
  type AlertRun,
  type BenchFigures,
  type BenchResult,
  type EndToEndRun,
  type PreviousRun,
  type ThroughputRun,
} from '../src/bench-result';
import { gridSitesOf, type GridSite } from '../src/grid-sites';
import { measureAlerts, type AlertPlan } from './alerts';
import { benchClients, createBenchCredentials } from './credentials';
import { measureEndToEnd } from './end-to-end';
import { KeepAliveClient } from './http-client';
import { IngestLedger, postBody, type PreparedBody } from './ingest';
import { measureSecurityOverhead, type SecurityPlan } from './security-overhead';
import { childrenRssMb, rssMb, startServer, type RunningServer } from './server-process';
import { DISTRICT_SCOPE, waitForReported } from './snapshot-watch';
import { measureThroughput, type ThroughputPlan } from './throughput';
import { measureTickets, type TicketPlan } from './tickets';

const WORKSPACE = join(__dirname, '..', '..');
const CONNECTIONS = 8;
const TIME_ZONE = 'Asia/Shanghai';
/**
 * Hard stop for the whole bench: a hung server must not hang CI. A healthy run takes about two minutes; a
 * pipeline that lags (each drain may wait up to DRAIN.timeoutMs) takes longer, and is reported rather than killed.
 */
const WATCHDOG_MS = 12 * 60_000;

const PLANS: readonly ThroughputPlan[] = [
  { batchSize: 1, connections: CONNECTIONS, seconds: 6, maxRequests: 30_000 },
  { batchSize: 100, connections: CONNECTIONS, seconds: 6, maxRequests: 1_200 },
  { batchSize: 1000, connections: CONNECTIONS, seconds: 6, maxRequests: 150 },
];

/** About 13 s: four cheap GETs, 3 s each, after 200 unmeasured requests each. */
const SECURITY: SecurityPlan = { connections: CONNECTIONS, seconds: 3, warmUpRequests: 200 };

/** Long enough for a lagging pipeline to catch up, so a slow drain is measured as slow, not called a loss. */
const DRAIN = { timeoutMs: 180_000, settleMs: 0, pollMs: 100 };

/** Bounded in count and in time: at most 5,000 tickets, 10 s of whole lives and 6 s of single events. */
const TICKETS: TicketPlan = {
  connections: CONNECTIONS,
  timeZone: TIME_ZONE,
  reports: 5_000,
  reportsPerRequest: 1_000,
  reportedAgoMs: 2 * 60 * 60_000,
  lives: 3_000,
  livesSeconds: 10,
  singlesSeconds: 6,
  resendPerRun: 20,
  readyTimeoutMs: 60_000,
  drainTimeoutMs: 60_000,
  settleMs: 3_000,
  kpiSamples: 20,
};

/**
 * Critical reports: 20 a second, 200 per run, each in a grid of its own. Every other grid of the district is kept
 * for them (the first 200 idle, the next 200 under load) and the rest take the background ingest, so what the
 * background raises is never mistaken for a measured alert. About 15 s a run plus 40 acknowledgements.
 */
const ALERTS = { reportsPerSecond: 20, reportsPerRun: 200, backgroundRate: 1_000, acknowledgements: 40, noticeTimeoutMs: 10_000, quietMs: 1_000 } as const;

function alertPlans(sites: readonly GridSite[]): AlertPlan[] {
  const measured = sites.filter((_, index) => index % 2 === 0);
  const background = sites.filter((_, index) => index % 2 === 1);
  const plan = (label: string, runIndex: number, backgroundRate: number): AlertPlan => ({
    label,
    grids: measured.slice(runIndex * ALERTS.reportsPerRun, (runIndex + 1) * ALERTS.reportsPerRun),
    reportsPerSecond: ALERTS.reportsPerSecond,
    backgroundRate,
    backgroundSites: background,
    acknowledgements: ALERTS.acknowledgements,
    noticeTimeoutMs: ALERTS.noticeTimeoutMs,
    quietMs: ALERTS.quietMs,
  });
  return [plan('idle', 0, 0), plan(`ingesting ${ALERTS.backgroundRate.toLocaleString('en-US')} reports/s`, 1, ALERTS.backgroundRate)];
}

function log(line: string): void {
  console.log(`[bench ${(performance.now() / 1_000).toFixed(0).padStart(3)}s] ${line}`);
}

async function loadSites(): Promise<ReturnType<typeof gridSitesOf>> {
  const path = join(WORKSPACE, 'reference/demo-district.json');
  return gridSitesOf(validateReferenceFile(JSON.parse(await readFile(path, 'utf8')), path));
}

async function measure(server: RunningServer, started: Date): Promise<BenchFigures> {
  const sites = await loadSites();
  const client = new KeepAliveClient(server.baseUrl, CONNECTIONS + 2);
  log('credentials: the bootstrap admin creates an ingest key, a duty officer and a display token of the district');
  const credentials = await createBenchCredentials(server.baseUrl, server.adminPassword, DISTRICT_SCOPE, log);
  const clients = benchClients(client, credentials);
  const { ingest, officer } = clients;
  const ledger = new IngestLedger();
  const serverBeforeMb = rssMb(server.pid);
  let serverPeakMb = serverBeforeMb;
  const sampler = setInterval(() => {
    serverPeakMb = Math.max(serverPeakMb ?? 0, rssMb(server.pid) ?? 0);
  }, 500);

  try {
    log('warm-up: 2 s of 100-report requests');
    await measureThroughput(ingest, ledger, sites, { batchSize: 100, connections: 4, seconds: 2, maxRequests: 400 });
    await waitForReported(officer, ledger.distinctAccepted, DRAIN);

    log(`security layer: GET /health/live (public) against GET /api/v1/auth/me with each credential, ${SECURITY.connections} connections, ${SECURITY.seconds} s each`);
    const security = await measureSecurityOverhead(client, credentials, SECURITY);
    for (const run of security.authenticated) log(`  ${run.credential}: ${Math.round(run.requestsPerSecond)} requests/s, p50 ${(run.latencyMs.p50 ?? 0).toFixed(1)} ms (public ${Math.round(security.baseline.requestsPerSecond)} requests/s, p50 ${(security.baseline.latencyMs.p50 ?? 0).toFixed(1)} ms)`);

    const endToEnd: EndToEndRun[] = [];
    log('post-to-screen, idle server: 15 samples');
    endToEnd.push(await measureEndToEnd(server.baseUrl, clients, ledger, sites, { label: 'idle', samples: 15, backgroundRate: 0, sampleTimeoutMs: 10_000 }));

    // On a drained pipeline, before the bulk phases leave a backlog, and before the tickets phase, whose reports
    // made 2 h ago raise SLA alerts by the thousand.
    const alerts: AlertRun[] = [];
    for (const plan of alertPlans(sites)) {
      log(`critical alerts, ${plan.label}: ${plan.grids.length} critical reports at ${plan.reportsPerSecond}/s, one grid each, two consoles watching`);
      const run = await measureAlerts(server.baseUrl, clients, ledger, plan, log);
      alerts.push(run);
      log(`  received ${run.received} / ${run.receivedSecond} of ${run.sent}, p50 ${Math.round(run.pushMs.p50 ?? -1)} ms, p95 ${Math.round(run.pushMs.p95 ?? -1)} ms; acknowledge → other console p95 ${Math.round(run.actions.pushMs.p95 ?? -1)} ms (${run.seconds.toFixed(0)} s)`);
    }
    // The throughput runs start from a drained pipeline, as before this phase existed.
    await waitForReported(officer, ledger.distinctAccepted, DRAIN);

    const throughput: ThroughputRun[] = [];
    const resendPool: PreparedBody[] = [];
    for (const plan of PLANS) {
      log(`throughput: ${plan.batchSize} report(s) per request, ${plan.connections} connections, ${plan.seconds} s`);
      const run = await measureThroughput(ingest, ledger, sites, plan, plan.batchSize === 100 ? resendPool : []);
      const drained = await waitForReported(officer, ledger.distinctAccepted, DRAIN);
      throughput.push({ ...run, drainMs: drained.reachedMs });
      log(
        `  ${Math.round(run.reportsPerSecond)} reports/s, p99 ${Math.round(run.latencyMs.p99 ?? 0)} ms, drained after ${Math.round(drained.reachedMs ?? -1)} ms` +
          (run.backpressured > 0 ? `, ${run.backpressured} answers of backpressure waited out` : ''),
      );
    }

    log('post-to-screen while ingesting 1,000 reports/s: 15 samples');
    endToEnd.push(
      await measureEndToEnd(server.baseUrl, clients, ledger, sites, { label: 'ingesting 1,000 reports/s', samples: 15, backgroundRate: 1_000, sampleTimeoutMs: 10_000 }),
    );

    log(`idempotency: re-sending ${resendPool.length} acknowledged requests with the same ids`);
    for (const body of resendPool) await postBody(ingest, ledger, body, true);

    // Across midnight "today" restarted: no count can match, so do not spend the drain timeout waiting for one.
    const dayChanged = startOfDay(started, TIME_ZONE).getTime() !== startOfDay(new Date(), TIME_ZONE).getTime();
    log(dayChanged ? 'integrity: the day changed during the run, no verdict possible; one read only' : 'integrity: waiting for the pipeline to count every accepted report');
    const final = await waitForReported(officer, ledger.distinctAccepted, dayChanged ? { ...DRAIN, timeoutMs: 1 } : { ...DRAIN, settleMs: 3_000 });

    // After the report count is settled: these reports say they were made 2 h ago, which may be today or not.
    const tickets = await measureTickets(clients, sites, TICKETS, log, ledger.distinctAccepted);
    return {
      throughput,
      endToEnd,
      integrity: {
        distinctAccepted: ledger.distinctAccepted,
        acceptedAnswers: ledger.acceptedAnswers,
        resent: ledger.resent,
        duplicatesAnswered: ledger.duplicatesAnswered,
        snapshotReported: final.reported,
        waitedMs: final.waitedMs,
        conclusive: true,
      },
      memory: { serverBeforeMb, serverPeakMb, serverAfterMb: rssMb(server.pid), childrenAfterMb: childrenRssMb(server.pid) },
      tickets,
      alerts,
      security,
    };
  } finally {
    clearInterval(sampler);
    credentials.close();
    client.close();
  }
}

const RESULTS_DIR = join(WORKSPACE, 'bench-results');

/** The results file this run will replace, for its ingest figures. */
async function previousRun(): Promise<PreviousRun | null> {
  const text = await readFile(join(RESULTS_DIR, 'latest.json'), 'utf8').catch(() => null);
  try {
    return text === null ? null : previousRunOf(JSON.parse(text));
  } catch {
    return null;
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: WORKSPACE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

async function writeResults(result: BenchResult): Promise<string> {
  const dir = RESULTS_DIR;
  await mkdir(dir, { recursive: true });
  const markdown = renderMarkdown(result);
  // One decimal is all a noisy measurement carries, and it keeps the committed file's diffs readable.
  const rounded = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value);
  await writeFile(join(dir, 'latest.json'), `${JSON.stringify(result, rounded, 2)}\n`);
  await writeFile(join(dir, 'latest.md'), markdown);
  return markdown;
}

async function main(): Promise<number> {
  const started = new Date();
  const previous = await previousRun();
  const commit = gitCommit();
  const [loadAverageAtStart = 0] = loadavg();
  if (loadAverageAtStart > cpus().length) log(`note: load average ${loadAverageAtStart.toFixed(1)}: other work is running and will skew the speed figures`);
  log('starting the server (temp DATA_DIR, free port on 127.0.0.1)');
  const server = await startServer(WORKSPACE);
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const watchdog = setTimeout(() => {
    console.error(`the bench exceeded ${WATCHDOG_MS / 60_000} minutes; stopping`);
    void server.stop().finally(() => process.exit(2));
  }, WATCHDOG_MS);

  let figures: BenchFigures;
  try {
    log(`server ready at ${server.baseUrl} (pid ${server.pid})`);
    figures = await measure(server, started);
  } finally {
    clearTimeout(watchdog);
    log('stopping the server');
    await server.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  const ended = new Date();
  // Totals count "today" in Asia/Shanghai: across midnight they restart, and the comparison means nothing.
  const sameDay = startOfDay(started, TIME_ZONE).getTime() === startOfDay(ended, TIME_ZONE).getTime();
  const measured: BenchFigures = { ...figures, integrity: { ...figures.integrity, conclusive: sameDay } };
  const cpu = cpus();
  const result: BenchResult = {
    version: 1,
    date: started.toISOString(),
    commit,
    previous,
    durationSeconds: (ended.getTime() - started.getTime()) / 1_000,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      loadAverageAtStart,
    },
    ...measured,
    targets: evaluateTargets(measured),
  };
  console.log(`\n${await writeResults(result)}`);
  log('wrote bench-results/latest.json and bench-results/latest.md');
  if (correctnessFailed(result.targets)) {
    console.error('bench FAILED: reports, alerts or ticket events were lost or doubled, or a re-send was not answered as one (see the targets table)');
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
