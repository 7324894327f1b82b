import { AlertHistoryRepository } from '@grid-command/clickhouse';
import {
  alertDetailSchema,
  alertListSchema,
  alertMuteSchema,
  alertSchema,
  apiErrorSchema,
  LIVE_NAMESPACE,
  ticketViewSchema,
  type Alert,
  type AlertNotice,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type Report,
  type ReportCategory,
} from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, REPORTS_QUEUE } from '@grid-command/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi as call, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { AlertHistoryRelay } from './alerts';
import { RedisRuntime } from './infrastructure/redis-runtime.service';

const grids = demoGridCodes();
const DISTRICT = `district:${grids[0]?.slice(0, 6) ?? ''}`;
const streets = [...new Set(grids.map((grid) => grid.slice(0, 9)))];
const gridsOf = (street: string): string[] => grids.filter((grid) => grid.startsWith(street));
const communityOf = (grid: string): string => `community:${grid.slice(0, 12)}`;
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

// Each capability gets its own street, so one test's reports cannot raise another's alerts.
const [CRITICAL_STREET, SPIKE_STREET, SLA_STREET, ANOMALY_STREET, MUTE_STREET] = streets as [string, string, string, string, string];

/** Small thresholds and fast timers, so each rule can be driven to the edge in a few seconds. */
const TEST_RULES = {
  stormThreshold: 5,
  evaluateEverySeconds: 1,
  // The SLA test posts a report already 40 minutes old and expects its breach at once.
  slaArrivalGraceMinutes: 0,
  response: {
    critical: { acknowledgeMinutes: 60, reportInMinutes: 60 },
    major: { acknowledgeMinutes: 60, reportInMinutes: 60 },
    // 1.2 s, so the SLA alert shows re-notification and escalation within the test.
    minor: { acknowledgeMinutes: 0.02, reportInMinutes: 60 },
  },
  rules: [
    {
      id: 'critical-report',
      kind: 'critical',
      name: { zh: '特急事件', en: 'Critical report' },
      severity: 'critical',
      cooldownMinutes: 0,
      anyOf: [{ severityAtLeast: 4 }, { categories: ['gas_utilities', 'fire_safety'], severityAtLeast: 3 }],
    },
    {
      id: 'noise-spike',
      kind: 'spike',
      name: { zh: '噪音集中投诉', en: 'Noise spike' },
      severity: 'major',
      level: 'community',
      match: { categories: ['noise'] },
      threshold: 3,
      windowMinutes: 30,
      cooldownMinutes: 60,
    },
    {
      id: 'dispatch-overdue',
      kind: 'sla',
      name: { zh: '超时未派单', en: 'Not dispatched in time' },
      severity: 'minor',
      deadline: 'dispatch',
      match: { within: [`street:${SLA_STREET}`] },
      cooldownMinutes: 240,
    },
    {
      id: 'street-volume-anomaly',
      kind: 'anomaly',
      name: { zh: '街道受理量异常', en: 'Unusual volume' },
      severity: 'major',
      level: 'street',
      minReports: 30,
      ratioAtLeast: 3,
      cooldownMinutes: 120,
      groupBy: 'district',
    },
  ],
};

function report(gridCode: string, extra: Partial<Report> = {}): Report {
  return { id: randomUUID(), gridCode, category: 'noise', severity: 1, source: 'hotline_12345', reportedAt: minutesAgo(1), ...extra };
}

describe('alerts: rules, lifecycle and delivery on the real pipeline', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>;
  const notices: Array<{ event: 'alert' | 'alertUpdated'; notice: AlertNotice; receivedAt: number }> = [];
  /** The district's 12345 hotline system: it reports, and records the departments' progress on tickets. */
  let hotline: string;
  /** Two duty officers of the district, and their usernames, under which their actions are recorded. */
  let officer: string;
  let otherOfficer: string;
  let officerName: string;
  let otherOfficerName: string;
  let hotlineName: string;

  async function post(reports: readonly Report[]): Promise<number> {
    const response = await call(server, 'POST', '/api/v1/reports', reports, hotline);
    expect(response.status).toBe(202);
    return Date.now();
  }

  async function activeAlerts(scope = DISTRICT): Promise<Alert[]> {
    const response = await call(server, 'GET', `/api/v1/alerts?scope=${scope}`, undefined, officer);
    expect(response.status).toBe(200);
    return alertListSchema.parse(response.body).alerts;
  }

  const act = (alertId: string, body: Record<string, unknown>, token = officer) => call(server, 'POST', `/api/v1/alerts/${alertId}/actions`, body, token);
  const nameOf = async (token: string): Promise<string> => String((await call(server, 'GET', '/api/v1/auth/me', undefined, token)).body['name']);

  const noticesFor = (alertId: string) => notices.filter(({ notice }) => notice.alert.id === alertId);

  beforeAll(async () => {
    const rulesFile = join(data.path, 'alert-rules.json');
    writeFileSync(rulesFile, JSON.stringify(TEST_RULES));
    server = await startTestServer(data.path, { ALERT_RULES_FILE: rulesFile });
    hotline = await server.credentials.ingestKey(DISTRICT);
    officer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] });
    otherOfficer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] });
    [officerName, otherOfficerName, hotlineName] = await Promise.all([nameOf(officer), nameOf(otherOfficer), nameOf(hotline)]);
    socket = io(`${server.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], reconnection: false, auth: { token: officer } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    socket.on('alert', (notice) => notices.push({ event: 'alert', notice, receivedAt: Date.now() }));
    socket.on('alertUpdated', (notice) => notices.push({ event: 'alertUpdated', notice, receivedAt: Date.now() }));
    const ack = await socket.emitWithAck('watchAlerts', { scope: DISTRICT });
    expect(ack).toEqual({ ok: true, scope: DISTRICT });
  }, 120_000);

  afterAll(async () => {
    socket?.disconnect();
    await server?.close();
    data.remove();
  });

  it('raises one critical alert per grid for severity-4 and gas reports, and none for ordinary ones', async () => {
    const [grid, otherGrid] = gridsOf(CRITICAL_STREET) as [string, string];
    const leak = report(grid, { category: 'gas_utilities', severity: 3 });
    const acceptedAt = await post([leak, report(otherGrid, { severity: 3, category: 'parking' })]);
    const arrival = await until(() => notices.find(({ event, notice }) => event === 'alert' && notice.alert.reportIds.includes(leak.id)), 10_000, 'the alert');
    process.stdout.write(`critical report 202 → socket alert: ${arrival.receivedAt - acceptedAt} ms\n`);
    expect(arrival.notice.alert).toMatchObject({ ruleId: 'critical-report', scope: `grid:${grid}`, severity: 'critical', state: 'open', reportCount: 1 });

    const fire = report(grid, { category: 'noise', severity: 4 });
    await post([fire]);
    const grown = await until(
      () => noticesFor(arrival.notice.alert.id).find(({ notice }) => notice.change === 'reports_added' && notice.alert.reportIds.includes(fire.id)),
      10_000,
      'the second report on the same alert',
    );
    expect(grown.event).toBe('alertUpdated');
    expect(grown.notice.alert.reportIds).toEqual([leak.id, fire.id]);
    expect(grown.notice.alert.reportCount).toBe(2);

    const inStreet = await activeAlerts(`street:${CRITICAL_STREET}`);
    expect(inStreet.map((alert) => alert.dedupKey)).toEqual([`critical-report|grid:${grid}||`]);

    // The alert is raised as soon as the reports are queued; the detail lists them once the worker has stored them.
    const detail = await until(
      async () => {
        const read = alertDetailSchema.parse((await call(server, 'GET', `/api/v1/alerts/${arrival.notice.alert.id}`, undefined, officer)).body);
        return read.reports.length === 2 ? read : undefined;
      },
      10_000,
      'both reports stored',
    );
    expect(detail.reports.map((stored) => stored.id).sort()).toEqual([leak.id, fire.id].sort());
  });

  it('raises a critical alert from the ingest API while the worker is stalled, and once only when the worker catches up', async () => {
    const connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'pause-test');
    const queue = new Queue(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
    await queue.pause();
    try {
      const [grid] = gridsOf(CRITICAL_STREET).slice(15) as [string];
      const gas = report(grid, { category: 'gas_utilities', severity: 4 });
      await post([gas]);
      const arrival = await until(() => notices.find(({ notice }) => notice.alert.reportIds.includes(gas.id)), 10_000, 'the alert with the worker paused');
      expect((await call(server, 'GET', `/api/v1/tickets/${gas.id}`, undefined, officer)).status).toBe(503); // not stored yet
      await queue.resume();
      await until(async () => ((await call(server, 'GET', `/api/v1/tickets/${gas.id}`, undefined, officer)).status === 200 ? true : undefined), 10_000, 'the report stored');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(notices.filter(({ event, notice }) => event === 'alert' && notice.alert.scope === `grid:${grid}`)).toHaveLength(1);
      expect((await activeAlerts(`grid:${grid}`)).map((alert) => [alert.id, alert.reportCount])).toEqual([[arrival.notice.alert.id, 1]]);
    } finally {
      await queue.resume();
      await queue.close();
      await connection.quit();
    }
  });

  it('raises a spike at the threshold, once, counts each report once, and honours the cooldown after closing', async () => {
    const [grid] = gridsOf(SPIKE_STREET) as [string];
    const community = communityOf(grid);
    const first = [report(grid), report(grid)];
    await post(first);
    await post([report(grid, { category: 'parking' })]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await activeAlerts(community)).length).toBe(0);

    const third = report(grid);
    await post([third]);
    const spike = await until(async () => (await activeAlerts(community))[0], 10_000, 'the spike alert');
    expect(spike).toMatchObject({ ruleId: 'noise-spike', scope: community, category: 'noise', reportCount: 3, measure: { value: 3, threshold: 3 } });

    await post([...first, third]); // a client retrying: duplicates are not stored again, so nothing changes
    const fourth = report(grid);
    await post([fourth]);
    const grown = await until(async () => (await activeAlerts(community)).find((alert) => alert.reportCount === 4), 10_000, 'the fourth report');
    expect(grown.id).toBe(spike.id);
    expect(await activeAlerts(community)).toHaveLength(1);

    const closed = await act(spike.id, { action: 'close', note: '已联系物业处置' });
    expect(closed.status).toBe(200);
    await post([report(grid)]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await activeAlerts(community)).toEqual([]);
  });

  it('lets the first of two officers acknowledge, answers the second 409 with the alert, and dispatches the ticket', async () => {
    const [grid] = gridsOf(CRITICAL_STREET).slice(5) as [string];
    const critical = report(grid, { severity: 4, category: 'public_security' });
    await post([critical]);
    const alert = await until(async () => (await activeAlerts(`grid:${grid}`))[0], 10_000, 'the alert');

    const [first, second] = await Promise.all([
      act(alert.id, { action: 'acknowledge', expectedVersion: alert.version }, officer),
      act(alert.id, { action: 'acknowledge', expectedVersion: alert.version }, otherOfficer),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const error = apiErrorSchema.parse(loser.body);
    expect(error.error).toBe('alert_conflict');
    expect(error.alert?.state).toBe('acknowledged');
    expect([officerName, otherOfficerName]).toContain(error.alert?.acknowledgedBy);

    const missingNote = await act(alert.id, { action: 'close' });
    expect(missingNote.status).toBe(400);
    expect(missingNote.body['message']).toMatch(/^note: /);

    // The actor is whoever is signed in; a name in the body is refused, not believed.
    const typedName = await act(alert.id, { action: 'dispatch', by: '值班长', department: '应急管理局' });
    expect(typedName.status).toBe(400);
    expect(apiErrorSchema.parse(typedName.body).issues?.map((issue) => issue.path)).toContain('by');

    const dispatched = await act(alert.id, { action: 'dispatch', department: '应急管理局' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body['tickets']).toEqual([{ ticketId: critical.id, event: 'dispatched', skipped: null }]);
    const ticket = ticketViewSchema.parse((await call(server, 'GET', `/api/v1/tickets/${critical.id}`, undefined, officer)).body);
    expect(ticket.ticket).toMatchObject({ state: 'dispatched', department: '应急管理局' });
    expect(ticket.history.at(-1)?.actor).toBe(officerName);

    const reportedIn = await act(alert.id, { action: 'report_in' });
    expect(alertSchema.parse((reportedIn.body as { alert: unknown }).alert).reportedInAt).not.toBeNull();
    const closed = await act(alert.id, { action: 'close', note: '现场已处置' });
    expect(alertSchema.parse((closed.body as { alert: unknown }).alert).actions.at(-1)?.by).toBe(officerName);
    expect(alertSchema.parse((closed.body as { alert: unknown }).alert).state).toBe('closed');

    // Every version reached the socket, and the duty log in ClickHouse.
    const changes = await until(
      () => {
        const seen = noticesFor(alert.id).map(({ notice }) => notice.change);
        return seen.includes('close') ? seen : undefined;
      },
      10_000,
      'the close notice',
    );
    expect(changes).toEqual(['opened', 'acknowledge', 'dispatch', 'report_in', 'close']);
    await server.app.get(AlertHistoryRelay).relayOnce();
    const versions = await server.app.get(AlertHistoryRepository).versions(alert.id);
    expect(versions.map((version) => version.change)).toEqual(changes);
  });

  it('closes a critical alert by itself once every ticket behind it is resolved', async () => {
    const [grid] = gridsOf(CRITICAL_STREET).slice(10) as [string];
    const fire = report(grid, { category: 'fire_safety', severity: 4 });
    await post([fire]);
    const alert = await until(async () => (await activeAlerts(`grid:${grid}`))[0], 10_000, 'the alert');
    const at = (offsetMs: number) => new Date(Date.now() - 3_000 + offsetMs).toISOString();
    const lifecycle = await call(
      server,
      'POST',
      `/api/v1/tickets/${fire.id}/events`,
      [
        { type: 'dispatched', at: at(0), department: '消防救援大队' },
        { type: 'accepted', at: at(1_000) },
        { type: 'resolved', at: at(2_000) },
      ],
      hotline,
    );
    expect(lifecycle.status).toBe(202);
    // A source system's events are recorded under its key's name.
    expect((lifecycle.body as { events: Array<{ actor: string }> }).events.map((event) => event.actor)).toEqual([hotlineName, hotlineName, hotlineName]);
    await until(async () => ((await activeAlerts(`grid:${grid}`)).length === 0 ? true : undefined), 15_000, 'auto-close');
    const closed = alertDetailSchema.parse((await call(server, 'GET', `/api/v1/alerts/${alert.id}`, undefined, officer)).body).alert;
    expect(closed.actions.at(-1)).toMatchObject({ change: 'auto_closed', by: 'system', note: expect.stringContaining('工单均已办结') });
  });

  it('raises an SLA alert for a ticket past its dispatch deadline, escalates it unanswered, and closes it once dispatched', async () => {
    const [grid] = gridsOf(SLA_STREET) as [string];
    const late = report(grid, { category: 'parking', reportedAt: minutesAgo(40) });
    await post([late]);
    const alert = await until(async () => (await activeAlerts(`street:${SLA_STREET}`)).find((a) => a.ticketId === late.id), 15_000, 'the SLA alert');
    expect(alert).toMatchObject({ ruleId: 'dispatch-overdue', kind: 'sla', severity: 'minor' });
    expect(Date.parse(alert.slaDueAt ?? '')).toBe(Date.parse(late.reportedAt) + 30 * 60_000);

    // Acknowledge bound of 1.2 s: louder first, then escalated a level, by the system.
    const escalated = await until(async () => (await activeAlerts(`street:${SLA_STREET}`)).find((a) => a.id === alert.id && a.escalations >= 1), 15_000, 'escalation');
    expect(escalated.loud).toBe(true);
    expect(escalated.escalatedTo).toBe(communityOf(grid));
    expect(escalated.actions.map((action) => action.change).slice(0, 3)).toEqual(['opened', 'renotified', 'escalate']);

    const dispatched = await call(server, 'POST', `/api/v1/tickets/${late.id}/events`, { type: 'dispatched', at: new Date().toISOString(), department: '交警大队' }, officer);
    expect(dispatched.status).toBe(202);
    await until(async () => ((await activeAlerts(`street:${SLA_STREET}`)).some((a) => a.id === alert.id) ? undefined : true), 15_000, 'auto-close');
    const closed = alertDetailSchema.parse((await call(server, 'GET', `/api/v1/alerts/${alert.id}`, undefined, officer)).body).alert;
    expect(closed.state).toBe('closed');
    expect(closed.actions.at(-1)).toMatchObject({ change: 'auto_closed', by: 'system' });
  });

  it('flags a street whose last hour is far above the same hour on previous days', async () => {
    const [grid] = gridsOf(ANOMALY_STREET) as [string];
    const parking = (reportedAt: string): Report => report(grid, { category: 'parking' as ReportCategory, reportedAt });
    const baseline = Array.from({ length: 7 }, (_, day) => [parking(minutesAgo(day * 1440 + 1440 + 10)), parking(minutesAgo(day * 1440 + 1440 + 20))]).flat();
    await post(baseline);
    await post(Array.from({ length: 35 }, () => parking(minutesAgo(10))));
    const anomaly = await until(async () => (await activeAlerts(`street:${ANOMALY_STREET}`)).find((a) => a.kind === 'anomaly'), 15_000, 'the anomaly');
    expect(anomaly).toMatchObject({ ruleId: 'street-volume-anomaly', scope: `street:${ANOMALY_STREET}`, measure: { value: 35, threshold: 30, baseline: 2 } });
  });

  it('holds back alerts under a mute, shows the mute and counts what it held back', async () => {
    const [grid] = gridsOf(MUTE_STREET) as [string];
    const badRule = await call(server, 'POST', '/api/v1/alert-mutes', { ruleId: 'nope', minutes: 30, reason: '检修' }, officer);
    expect(badRule.status).toBe(400);
    expect(badRule.body['message']).toMatch(/^ruleId: /);
    const created = await call(server, 'POST', '/api/v1/alert-mutes', { ruleId: 'noise-spike', scope: `street:${MUTE_STREET}`, minutes: 30, reason: '广场舞活动已报备' }, officer);
    expect(created.status).toBe(201);
    const mute = alertMuteSchema.parse(created.body);
    expect(mute.by).toBe(officerName);

    await post([report(grid), report(grid), report(grid)]);
    const listed = await until(
      async () => {
        const list = alertListSchema.parse((await call(server, 'GET', `/api/v1/alerts?scope=street:${MUTE_STREET}`, undefined, officer)).body);
        return list.mutes.find((m) => m.id === mute.id && m.suppressed >= 1) ? list : undefined;
      },
      10_000,
      'the mute to count a held-back alert',
    );
    expect(listed.alerts).toEqual([]);
    expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${mute.id}`, undefined, officer)).status).toBe(204);
    await post([report(grid)]);
    await until(async () => (await activeAlerts(`street:${MUTE_STREET}`))[0], 10_000, 'the spike once unmuted');
  });

  it('raised exactly the expected alerts over the whole run', async () => {
    const all = alertListSchema.parse((await call(server, 'GET', `/api/v1/alerts?scope=${DISTRICT}&state=open,acknowledged,dispatched,closed`, undefined, officer)).body).alerts;
    const keys = all.map((alert) => `${alert.ruleId}@${alert.scope}:${alert.state}`).sort();
    const [criticalGrid] = gridsOf(CRITICAL_STREET) as [string];
    const [otherCriticalGrid] = gridsOf(CRITICAL_STREET).slice(5) as [string];
    const [settledGrid] = gridsOf(CRITICAL_STREET).slice(10) as [string];
    const [stalledGrid] = gridsOf(CRITICAL_STREET).slice(15) as [string];
    expect(keys).toEqual(
      [
        `critical-report@grid:${criticalGrid}:open`,
        `critical-report@grid:${otherCriticalGrid}:closed`,
        `critical-report@grid:${settledGrid}:closed`,
        `critical-report@grid:${stalledGrid}:open`,
        `noise-spike@${communityOf(gridsOf(SPIKE_STREET)[0] as string)}:closed`,
        `dispatch-overdue@grid:${gridsOf(SLA_STREET)[0] as string}:closed`,
        `street-volume-anomaly@street:${ANOMALY_STREET}:open`,
        `noise-spike@${communityOf(gridsOf(MUTE_STREET)[0] as string)}:open`,
      ].sort(),
    );
    const bad = await call(server, 'GET', `/api/v1/alerts?scope=${DISTRICT}&state=opened`, undefined, officer);
    expect(bad.status).toBe(400);
    expect(bad.body['message']).toMatch(/^state: /);
  });
});
