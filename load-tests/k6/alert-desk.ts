/**
 * Duty officers at the alert desk, over REST only (what another system integrating with the desk does): each officer
 * VU posts a critical report (特急, or a gas/fire 紧急) into one of a few hot grids, polls `GET /api/v1/alerts` of
 * the grid until the alert that holds it is listed (a closed one too: a colleague may have closed it already), reads
 * the district's list and the alert's detail (until it lists the report, once stored) as the console does, then
 * acknowledges, dispatches (to a department that handles the report's category), has the department report in
 * (报到) and closes it with a note, each with `expectedVersion`. Officers share the hot grids, so they
 * meet on the same alerts: a `409 alert_conflict` (someone else acted first) is an expected answer, counted apart;
 * the officer carries on from the alert the 409 hands back, as the console does.
 */
import { check, sleep } from 'k6';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import {
  alertActionResultSchema,
  alertDetailSchema,
  alertListSchema,
  apiErrorSchema,
  DEPARTMENTS_BY_CATEGORY,
  type Alert,
  type AlertAction,
  type Report,
  type ReportCategory,
} from '@grid-command/contracts';
import { requireIngestKey, signInUser, userHeaders, type UserSession } from './lib/credentials';
import { districtScope as district, gridSites } from './lib/district';
import { BASE_URL, durationFromEnv, numberFromEnv, secondsOf } from './lib/env';
import { lastPostRefusedForLoad, postReports, requireReady } from './lib/ingest';
import { jsonOf } from './lib/json';

const OFFICERS = numberFromEnv('OFFICERS', 4, 1, 1_000);
/** Critical reports fall on this many grids, spread over the district: fewer grids, more officers meeting on one alert. */
const HOT_GRIDS = numberFromEnv('HOT_GRIDS', 8, 1, 100_000);
const THINK_SECONDS = numberFromEnv('THINK_SECONDS', 2, 0, 600);
const ALERT_TIMEOUT_SECONDS = numberFromEnv('ALERT_TIMEOUT_SECONDS', 10, 1, 600);
const POLL_SECONDS = 0.25;
const DURATION = durationFromEnv('DURATION', '5m');
/** A 409 hands back the alert as it now stands; the officer tries the same step again at most this often. */
const ATTEMPTS_PER_STEP = 3;

const LIST_ROUTE = 'GET /api/v1/alerts';
const DETAIL_ROUTE = 'GET /api/v1/alerts/{id}';
const ACTION_ROUTE = 'POST /api/v1/alerts/{id}/actions';

/** From the critical report's 202 until `GET /api/v1/alerts` of its grid lists an alert holding it. */
const alertVisible = new Trend('alert_visible', true);
const actionsApplied = new Counter('alert_actions_applied');
/** `409 alert_conflict`: another officer (or the platform) changed the alert first. Expected, not a failure. */
const actionConflicts = new Counter('alert_action_conflicts');
const alertsClosed = new Counter('alerts_closed');
/** One sample per officer call: the share that did not see its alert listed and closed (by it or a colleague). */
const deskFailures = new Rate('alert_desk_failures');

const GRACEFUL_STOP_SECONDS = Math.ceil(ALERT_TIMEOUT_SECONDS + 4 * THINK_SECONDS * ATTEMPTS_PER_STEP + 10);

export const options: Options = {
  scenarios: {
    officers: {
      executor: 'constant-vus',
      vus: OFFICERS,
      duration: DURATION,
      exec: 'dutyCall',
      gracefulStop: `${GRACEFUL_STOP_SECONDS}s`,
    },
  },
  thresholds: {
    // 409 is declared expected on the action route, so it does not count here.
    http_req_failed: ['rate<0.01'],
    [`http_req_duration{name:${ACTION_ROUTE}}`]: ['p(95)<500', 'p(99)<1500'],
    [`http_req_duration{name:${LIST_ROUTE}}`]: ['p(95)<500'],
    [`http_req_duration{name:${DETAIL_ROUTE}}`]: ['p(95)<500'],
    'http_req_duration{name:POST /api/v1/reports}': ['p(95)<300'],
    alert_visible: ['p(95)<2000'],
    alert_desk_failures: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

/** The officers post their critical reports with the ingest key and work the desk as a duty officer of the district. */
export function setup(): UserSession {
  requireReady();
  requireIngestKey(district);
  return signInUser('duty_officer', district, secondsOf(DURATION) + GRACEFUL_STOP_SECONDS);
}
const hotGrids = Array.from({ length: Math.min(HOT_GRIDS, gridSites.length) }, (_, index) => gridSites[Math.floor((index * gridSites.length) / Math.min(HOT_GRIDS, gridSites.length))]).filter(
  (site) => site !== undefined,
);
const CRITICAL_CATEGORIES: readonly ReportCategory[] = ['fire_safety', 'gas_utilities', 'public_security', 'property_management', 'public_facilities'];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** A department that handles the category, by its weight, as the console offers them. */
function departmentFor(category: ReportCategory): string {
  const weights = Object.entries(DEPARTMENTS_BY_CATEGORY[category]);
  let draw = Math.random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [department, weight] of weights) {
    draw -= weight;
    if (draw < 0) return department;
  }
  return weights[0]?.[0] ?? '街道办';
}

/** Posts one critical report in a hot grid: 特急 mostly, a gas or fire 紧急 one time in four. Null unless acknowledged. */
function postCriticalReport(): Report | null {
  const site = pick(hotGrids);
  const [report] = postReports(1, (fresh) => {
    const category = pick(CRITICAL_CATEGORIES);
    const gasOrFire = (category === 'fire_safety' || category === 'gas_utilities') && Math.random() < 0.25;
    return { ...fresh, gridCode: site.code, location: { lat: site.lat, lon: site.lon }, category, severity: gasOrFire ? 3 : 4 };
  });
  return report ?? null;
}

/**
 * A grid's alerts that changed since a little before the report was posted, closed ones too: a colleague may close
 * the alert the report grew between two polls, and the report was on the desk all the same. The margin keeps a k6
 * clock somewhat ahead of the server's from hiding the change.
 */
const LIST_LOOK_BACK_MS = 60_000;
const LISTED_STATES = 'open,acknowledged,dispatched,closed';

/** Lists the grid's alerts until one holds the report. */
function awaitAlert(session: UserSession, grid: string, reportId: string): Alert | null {
  const postedAt = Date.now();
  const deadline = postedAt + ALERT_TIMEOUT_SECONDS * 1_000;
  const since = new Date(postedAt - LIST_LOOK_BACK_MS).toISOString();
  const url = `${BASE_URL}/api/v1/alerts?scope=${encodeURIComponent(`grid:${grid}`)}&state=${LISTED_STATES}&updatedSince=${encodeURIComponent(since)}`;
  for (;;) {
    const response = http.get(url, { headers: userHeaders(session), tags: { name: LIST_ROUTE, scope: 'grid' } });
    const list = alertListSchema.safeParse(jsonOf(response));
    const alert = list.success ? list.data.alerts.find((candidate) => candidate.kind === 'critical' && candidate.reportIds.includes(reportId)) : undefined;
    if (alert !== undefined) {
      alertVisible.add(Date.now() - postedAt);
      check(response, { 'alert: the critical report is listed in an alert of its grid': () => true });
      return alert;
    }
    if (!list.success || Date.now() >= deadline) {
      check(response, {
        'alerts: 200 matching the contract': () => list.success,
        'alert: the critical report is listed in an alert of its grid': () => false,
      });
      return null;
    }
    sleep(POLL_SECONDS);
  }
}

/**
 * The desk's list of the district, and the alert's detail with its reports, as the console shows them. The alert is
 * raised as soon as the report is queued and the detail lists the report once the worker has stored it, so the
 * detail is read again (as the console's detail pane refreshes) until it does.
 */
function readDesk(session: UserSession, alert: Alert, reportId: string): Alert | null {
  const listed = http.get(`${BASE_URL}/api/v1/alerts?scope=${encodeURIComponent(district)}&limit=200`, { headers: userHeaders(session), tags: { name: LIST_ROUTE, scope: 'district' } });
  const list = alertListSchema.safeParse(jsonOf(listed));
  check(listed, { 'alerts: 200 matching the contract': (r) => r.status === 200 && list.success });
  const deadline = Date.now() + ALERT_TIMEOUT_SECONDS * 1_000;
  for (;;) {
    const response = http.get(`${BASE_URL}/api/v1/alerts/${alert.id}`, { headers: userHeaders(session), tags: { name: DETAIL_ROUTE } });
    const detail = alertDetailSchema.safeParse(jsonOf(response));
    const answered = check(response, { 'alert detail: 200 matching the contract': (r) => r.status === 200 && detail.success && detail.data.alert.id === alert.id });
    if (!answered || !detail.success) return null;
    const stored = detail.data.reports.some((report) => report.id === reportId);
    if (stored || Date.now() >= deadline) {
      return check(response, { 'alert detail: lists the report once stored': () => stored }) ? detail.data.alert : null;
    }
    sleep(POLL_SECONDS);
  }
}

type StepOutcome = { readonly kind: 'applied' | 'conflict'; readonly alert: Alert } | { readonly kind: 'failed' };

/**
 * One action with the version the officer looked at: 200 with the new alert, or 409 with the alert as it now is.
 * The server records the signed-in officer as who acted.
 */
function act(session: UserSession, alert: Alert, action: AlertAction, extra: { department?: string; note?: string }): StepOutcome {
  const response = http.post(`${BASE_URL}/api/v1/alerts/${alert.id}/actions`, JSON.stringify({ action, expectedVersion: alert.version, ...extra }), {
    headers: { ...userHeaders(session), 'content-type': 'application/json' },
    tags: { name: ACTION_ROUTE, action },
    responseCallback: http.expectedStatuses(200, 409),
  });
  const body = jsonOf(response);
  if (response.status === 409) {
    const conflict = apiErrorSchema.safeParse(body);
    const fine = check(response, {
      [`${action}: a 409 is alert_conflict with the alert as it now stands`]: () => conflict.success && conflict.data.error === 'alert_conflict' && conflict.data.alert?.id === alert.id,
    });
    actionConflicts.add(1);
    return fine && conflict.success && conflict.data.alert ? { kind: 'conflict', alert: conflict.data.alert } : { kind: 'failed' };
  }
  const result = alertActionResultSchema.safeParse(body);
  const fine = check(response, {
    [`${action}: 200 matching the contract`]: (r) => r.status === 200 && result.success,
    [`${action}: one version later`]: () => result.success && result.data.alert.version === alert.version + 1,
  });
  if (!fine || !result.success) return { kind: 'failed' };
  actionsApplied.add(1);
  return { kind: 'applied', alert: result.data.alert };
}

interface Step {
  readonly action: AlertAction;
  /** Whether the step still needs doing for the alert as it stands (a colleague may have done it). */
  readonly due: (alert: Alert) => boolean;
  readonly extra: (alert: Alert) => { department?: string; note?: string };
}

/** An officer's call: 确认 → 派遣 → 报到 → 关闭, carrying on from whatever a colleague already did. */
export function dutyCall(session: UserSession): void {
  const report = postCriticalReport();
  // Shed by the server for load: the report goes again next iteration; a backpressure figure, not a silent desk.
  if (report === null && lastPostRefusedForLoad()) return;
  const alert = report === null ? null : awaitAlert(session, report.gridCode, report.id);
  let current = alert === null || report === null ? null : readDesk(session, alert, report.id);
  if (report === null || current === null) {
    deskFailures.add(true);
    return;
  }
  const department = departmentFor(report.category);
  const steps: readonly Step[] = [
    { action: 'acknowledge', due: (a) => a.state === 'open', extra: () => ({}) },
    { action: 'dispatch', due: (a) => a.state === 'open' || a.state === 'acknowledged', extra: () => ({ department }) },
    { action: 'report_in', due: (a) => a.state === 'dispatched' && a.reportedInAt === null, extra: () => ({}) },
    { action: 'close', due: (a) => a.state !== 'closed', extra: () => ({ note: 'k6: 现场已处置 / handled on site' }) },
  ];
  for (const step of steps) {
    for (let attempt = 1; attempt <= ATTEMPTS_PER_STEP && step.due(current); attempt += 1) {
      sleep(THINK_SECONDS);
      const outcome = act(session, current, step.action, step.extra(current));
      if (outcome.kind === 'failed') {
        deskFailures.add(true);
        return;
      }
      current = outcome.alert;
      if (step.action === 'close' && outcome.kind === 'applied') alertsClosed.add(1);
    }
  }
  deskFailures.add(current.state !== 'closed');
}
