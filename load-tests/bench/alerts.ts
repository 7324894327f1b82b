/**
 * The alerts phase of `npm run bench`: how long a duty officer waits for a critical report, and for a colleague's
 * action. Critical reports (特急, or gas/fire 紧急) are posted one per request at a steady rate, each in a grid of its
 * own, while two consoles watch the district over socket.io; each report's 202 is timed to the `alert` notice on the
 * first console, and each console must get exactly one `alert` per report's grid. Then an officer acknowledges some
 * of the alerts over REST (with `expectedVersion`) and the `alertUpdated` notice is timed on the second console.
 * Optionally ordinary reports are ingested in the background meanwhile, in other grids, so nothing they raise is
 * mistaken for a measured alert.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { alertListSchema, type Alert, type AlertNotice, type Report } from '@grid-command/contracts';
import { percentilesOf, type AlertActionRun, type AlertRun } from '../src/bench-result';
import type { GridSite } from '../src/grid-sites';
import { makeReport } from '../src/report-factory';
import type { BenchClients } from './credentials';
import type { KeepAliveClient } from './http-client';
import { postBody, startBackgroundFeed, type IngestLedger, type PreparedBody } from './ingest';
import { connectLive, type LiveSocket } from './live-socket';
import { DISTRICT_SCOPE } from './snapshot-watch';

export interface AlertPlan {
  readonly label: string;
  /** One critical report in each of these grids; none of them may have another report during the run. */
  readonly grids: readonly GridSite[];
  readonly reportsPerSecond: number;
  /** Ordinary reports per second posted meanwhile in batches of 100 over `backgroundSites`; 0 for an idle server. */
  readonly backgroundRate: number;
  readonly backgroundSites: readonly GridSite[];
  /** Alerts acknowledged one at a time after the reports, to time the action's way to the other console. */
  readonly acknowledgements: number;
  /** How long after the last 202 to wait for missing alerts, and to listen for a second `alert` of a grid. */
  readonly noticeTimeoutMs: number;
  readonly quietMs: number;
}

const CLOSE_NOTE = 'bench: measured, closed';
/** How many closes are in flight at once when clearing or tidying up. */
const CLOSE_CONCURRENCY = 4;

const gridScope = (code: string): string => `grid:${code}`;
const streetsOf = (grids: readonly GridSite[]): string[] => [...new Set(grids.map((grid) => `street:${grid.code.slice(0, 9)}`))];

/** A report the default rules call critical: three in four are 特急 of any category, one in four a gas or fire 紧急. */
function criticalReport(site: GridSite, index: number): Report {
  const report = makeReport([site], { random: Math.random, newId: randomUUID, now: Date.now });
  if (index % 4 !== 3) return { ...report, severity: 4 };
  return { ...report, category: index % 8 === 3 ? 'gas_utilities' : 'fire_safety', severity: 3 };
}

/** What one console saw of the measured grids: each `alert` of a critical rule, when it arrived. */
class Console {
  /** `alert` notices per measured grid scope. */
  readonly opened = new Map<string, number>();
  /** Arrival of the first `alert` naming each report. */
  readonly arrivals = new Map<string, { readonly at: number; readonly alert: Alert }>();
  /** Arrival of `alertUpdated` with change `acknowledge`, by alert id. */
  readonly acknowledged = new Map<string, number>();
  socket: LiveSocket | null = null;

  constructor(private readonly measured: ReadonlySet<string>) {}

  async open(baseUrl: string, token: string): Promise<void> {
    this.socket = await connectLive(baseUrl, token, 'watchAlerts', DISTRICT_SCOPE, (socket) => {
      socket.on('alert', (notice) => this.onAlert(notice, performance.now()));
      socket.on('alertUpdated', (notice) => {
        if (notice.change === 'acknowledge' && !this.acknowledged.has(notice.alert.id)) this.acknowledged.set(notice.alert.id, performance.now());
      });
    });
  }

  /** `alert` notices beyond one per measured grid. */
  get extra(): number {
    return [...this.opened.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  }

  private onAlert(notice: AlertNotice, at: number): void {
    const { alert } = notice;
    if (alert.kind !== 'critical' || !this.measured.has(alert.scope)) return;
    this.opened.set(alert.scope, (this.opened.get(alert.scope) ?? 0) + 1);
    for (const id of alert.reportIds) if (!this.arrivals.has(id)) this.arrivals.set(id, { at, alert });
  }
}

/** Runs `work` over `items` with at most `concurrency` at once. */
async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Active critical alerts in the grids, read street by street so no list is truncated. */
async function activeCriticalAlerts(client: KeepAliveClient, grids: readonly GridSite[]): Promise<Alert[]> {
  const scopes = new Set(grids.map((grid) => gridScope(grid.code)));
  const found: Alert[] = [];
  for (const street of streetsOf(grids)) {
    const answer = await client.send('GET', `/api/v1/alerts?scope=${encodeURIComponent(street)}&limit=1000`);
    const list = answer.status === 200 ? alertListSchema.safeParse(answer.body) : null;
    if (!list?.success) throw new Error(`GET /api/v1/alerts?scope=${street} answered ${answer.status}`);
    if (list.data.truncated) console.warn(`GET /api/v1/alerts?scope=${street}: truncated at 1000; some grids may keep an open alert`);
    found.push(...list.data.alerts.filter((alert) => alert.kind === 'critical' && scopes.has(alert.scope)));
  }
  return found;
}

/** Closes alerts; returns how many closed (a 409 means someone else closed it first, which is as good). */
async function closeAlerts(client: KeepAliveClient, alerts: readonly Alert[]): Promise<number> {
  let closed = 0;
  await eachLimited(alerts, CLOSE_CONCURRENCY, async (alert) => {
    const body = JSON.stringify({ action: 'close', note: CLOSE_NOTE });
    const answer = await client.send('POST', `/api/v1/alerts/${alert.id}/actions`, body).catch(() => null);
    if (answer?.status === 200 || answer?.status === 409) closed += 1;
  });
  return closed;
}

/** Acknowledges alerts one at a time, timing the request and the `alertUpdated` on the other console. */
async function acknowledgeEach(client: KeepAliveClient, alerts: readonly Alert[], other: Console, timeoutMs: number): Promise<AlertActionRun> {
  const requestMs: number[] = [];
  const pushMs: number[] = [];
  let applied = 0;
  let conflicts = 0;
  let errors = 0;
  let timeouts = 0;
  for (const alert of alerts) {
    const sentAt = performance.now();
    const body = JSON.stringify({ action: 'acknowledge', expectedVersion: alert.version });
    const answer = await client.send('POST', `/api/v1/alerts/${alert.id}/actions`, body).catch(() => null);
    if (answer === null || (answer.status !== 200 && answer.status !== 409)) {
      errors += 1;
      continue;
    }
    requestMs.push(answer.ms);
    if (answer.status === 409) {
      conflicts += 1;
      continue;
    }
    applied += 1;
    const deadline = performance.now() + timeoutMs;
    while (!other.acknowledged.has(alert.id) && performance.now() < deadline) await sleep(5);
    const seenAt = other.acknowledged.get(alert.id);
    if (seenAt === undefined) timeouts += 1;
    else pushMs.push(Math.max(0, seenAt - sentAt));
    await sleep(50);
  }
  return { samples: alerts.length, applied, conflicts, errors, timeouts, requestMs: percentilesOf(requestMs), pushMs: percentilesOf(pushMs) };
}

export async function measureAlerts(baseUrl: string, clients: BenchClients, ledger: IngestLedger, plan: AlertPlan, log: (line: string) => void): Promise<AlertRun> {
  const started = performance.now();
  const { ingest, officer } = clients;
  const measured = new Set(plan.grids.map((grid) => gridScope(grid.code)));
  const leftOver = await activeCriticalAlerts(officer, plan.grids);
  if (leftOver.length > 0) log(`  closing ${leftOver.length} critical alerts left open in the measured grids by earlier phases: ${await closeAlerts(officer, leftOver)} closed`);

  const first = new Console(measured);
  const second = new Console(measured);
  await first.open(baseUrl, clients.consoleToken());
  await second.open(baseUrl, clients.consoleToken());
  const stopBackground = startBackgroundFeed(ingest, ledger, plan.backgroundSites, plan.backgroundRate, 60);
  const reports = plan.grids.map(criticalReport);
  const acknowledgedAt = new Map<string, number>();
  let sent = 0;
  try {
    // Let the background settle into its rate before the first measured report.
    if (plan.backgroundRate > 0) await sleep(2_000);
    const sends: Array<Promise<void>> = [];
    const firstAt = performance.now();
    for (const [index, report] of reports.entries()) {
      const wait = firstAt + (index * 1_000) / plan.reportsPerSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const body: PreparedBody = { json: JSON.stringify(report), size: 1 };
      sent += 1;
      sends.push(
        postBody(ingest, ledger, body).then((posted) => {
          if (posted.acknowledged) acknowledgedAt.set(report.id, performance.now());
        }),
      );
    }
    await Promise.all(sends);
    const deadline = performance.now() + plan.noticeTimeoutMs;
    const allArrived = (): boolean => [...acknowledgedAt.keys()].every((id) => first.arrivals.has(id) && second.arrivals.has(id));
    while (!allArrived() && performance.now() < deadline) await sleep(20);
    await sleep(plan.quietMs);

    const arrived = reports.map((report) => first.arrivals.get(report.id)).filter((entry) => entry !== undefined);
    log(`  ${acknowledgedAt.size} of ${sent} critical reports acknowledged; acknowledging ${Math.min(plan.acknowledgements, arrived.length)} of their alerts one at a time`);
    const actions = await acknowledgeEach(
      officer,
      arrived.slice(0, plan.acknowledgements).map((entry) => entry.alert),
      second,
      plan.noticeTimeoutMs,
    );
    const pushMs = reports.flatMap((report) => {
      const at = acknowledgedAt.get(report.id);
      const arrival = first.arrivals.get(report.id);
      return at === undefined || arrival === undefined ? [] : [Math.max(0, arrival.at - at)];
    });
    const receivedOn = (console: Console): number => [...acknowledgedAt.keys()].filter((id) => console.arrivals.has(id)).length;
    return {
      label: plan.label,
      backgroundRate: plan.backgroundRate,
      reportsPerSecond: plan.reportsPerSecond,
      sent,
      acknowledged: acknowledgedAt.size,
      received: receivedOn(first),
      receivedSecond: receivedOn(second),
      extraNotices: first.extra + second.extra,
      pushMs: percentilesOf(pushMs),
      actions,
      seconds: (performance.now() - started) / 1_000,
    };
  } finally {
    await stopBackground();
    first.socket?.close();
    second.socket?.close();
    // Tidy: the measured grids' alerts would otherwise re-notify and escalate during the phases that follow.
    await closeAlerts(officer, await activeCriticalAlerts(officer, plan.grids)).catch(() => 0);
  }
}
