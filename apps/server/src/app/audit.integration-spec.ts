import type { ClickHouseClient } from '@clickhouse/client';
import { auditListSchema, apiErrorSchema, type AuditEntry } from '@grid-command/contracts';
import { AuditOutbox } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { callApi, demoGridCodes, startTestServer, tempDataDir, TEST_ADMIN_PASSWORD, until, type RunningServer } from '../testing/test-server';
import { AUDIT_TRAIL, type AuditTrail } from './common/audit/audit-trail';
import { CLICKHOUSE_CLIENT } from './infrastructure/tokens';

/** Every row of the table as ClickHouse holds it, so the test reads the store and not only the API over it. */
async function storedRows(server: RunningServer): Promise<Array<Record<string, unknown>>> {
  const client = server.app.get<ClickHouseClient>(CLICKHOUSE_CLIENT);
  const result = await client.query({ query: 'SELECT * FROM grid_command.audit_log FINAL', format: 'JSONEachRow' });
  return result.json<Record<string, unknown>>();
}

/** Once the outbox is empty, every entry recorded before is in ClickHouse (the relay takes out only what it stored). */
async function relayed(server: RunningServer): Promise<void> {
  const outbox = server.app.get(AuditOutbox);
  await until(async () => ((await outbox.size()) === 0 ? true : undefined), 15_000, 'the audit outbox relayed');
}

describe('the audit log', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let trail: AuditTrail;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path);
    trail = server.app.get<AuditTrail>(AUDIT_TRAIL);
    admin = await server.credentials.adminToken();
  }, 120_000);

  afterAll(async () => {
    await server.close();
    dataDir.remove();
  });

  const list = async (query: string): Promise<AuditEntry[]> => {
    const answer = await callApi(server, 'GET', `/api/v1/audit${query}`, undefined, admin);
    expect(answer.status).toBe(200);
    return auditListSchema.parse(answer.body).entries;
  };

  it('relays recorded entries into ClickHouse and lists them newest first, filtered', async () => {
    const base = Date.now() - 60_000;
    const officer = { kind: 'user', id: 'u-1', name: 'officer.li' } as const;
    await trail.record({ action: 'auth.login', actor: null, target: 'officer.li', outcome: 'failure', sourceIp: '10.0.0.7', at: new Date(base) });
    await trail.record({ action: 'auth.login', actor: officer, target: 'officer.li', outcome: 'success', sourceIp: '10.0.0.7', at: new Date(base + 1_000) });
    await trail.record({ action: 'alert.acknowledge', actor: officer, target: 'a-1', outcome: 'success', sourceIp: '10.0.0.7', detail: { version: 2 }, at: new Date(base + 2_000) });

    await relayed(server);

    // What the server itself recorded meanwhile (the admin's bootstrap and login) lies after these three.
    const all = (await list(`?to=${encodeURIComponent(new Date(base + 3_000).toISOString())}`)).filter((entry) => entry.at >= new Date(base).toISOString());
    expect(all.map((entry) => entry.action)).toEqual(['alert.acknowledge', 'auth.login', 'auth.login']);
    expect(all[0]).toMatchObject({ actor: officer, target: 'a-1', outcome: 'success', sourceIp: '10.0.0.7', detail: { version: 2 } });
    expect(all[2]).toMatchObject({ actor: null, outcome: 'failure', at: new Date(base).toISOString() });

    expect((await list('?action=auth.login&outcome=failure')).map((entry) => entry.outcome)).toEqual(['failure']);
    expect((await list('?actor=officer.li')).length).toBe(2);
    expect((await list('?action=auth.login&actor=officer.li')).map((entry) => entry.outcome)).toEqual(['success']);
    const window = `?from=${encodeURIComponent(new Date(base + 500).toISOString())}&to=${encodeURIComponent(new Date(base + 1_500).toISOString())}`;
    expect((await list(window)).map((entry) => entry.outcome)).toEqual(['success']);
    const limited = await callApi(server, 'GET', '/api/v1/audit?limit=1', undefined, admin);
    expect(auditListSchema.parse(limited.body)).toMatchObject({ truncated: true });
  }, 60_000);

  it('stores an entry once although a relay round runs again before the outbox is emptied', async () => {
    await trail.record({ action: 'mute.create', actor: null, target: 'm-1', outcome: 'success', sourceIp: null });
    await relayed(server);
    const client = server.app.get<ClickHouseClient>(CLICKHOUSE_CLIENT);
    const [row] = await storedRows(server).then((rows) => rows.filter((stored) => stored['target'] === 'm-1'));
    // The same entry relayed again (a crash between the insert and the removal from the outbox).
    await client.insert({ table: 'grid_command.audit_log', values: [row], format: 'JSONEachRow', clickhouse_settings: { insert_deduplication_token: 'replayed-round' } });
    expect((await list('?action=mute.create')).length).toBe(1);
  }, 30_000);

  it('never stores a credential, and keeps text ClickHouse can hold', async () => {
    await trail.record({
      action: 'user.create',
      actor: null,
      target: 'cut emoji \ud83d',
      outcome: 'success',
      sourceIp: null,
      detail: { password: 'correct horse battery staple', refreshToken: 'eyJhbGciOi.secret', roles: 'leader' },
    });
    await relayed(server);
    const text = JSON.stringify(await storedRows(server));
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain('eyJhbGciOi');
    const entry = (await list('?action=user.create')).find((candidate) => candidate.target?.startsWith('cut emoji'));
    expect(entry).toMatchObject({ target: 'cut emoji \ufffd', detail: { password: '[redacted]', refreshToken: '[redacted]', roles: 'leader' } });
  }, 30_000);

  it('records what officers do through the API under their names, and logins, without a password or token anywhere', async () => {
    const officerPassword = 'officer-password-4567';
    const created = await callApi(server, 'POST', '/api/v1/users', { username: 'officer.wang', password: officerPassword, roles: ['duty_officer'], scopes: ['district:450103'] }, admin);
    expect(created.status).toBe(201);
    const login = await callApi(server, 'POST', '/api/v1/auth/login', { username: 'officer.wang', password: officerPassword });
    expect(login.status).toBe(200);
    const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    expect((await callApi(server, 'POST', '/api/v1/auth/login', { username: 'officer.wang', password: 'a-wrong-password-99' })).status).toBe(401);

    const [grid = ''] = demoGridCodes();
    const mute = await callApi(server, 'POST', '/api/v1/alert-mutes', { scope: `grid:${grid}`, minutes: 30, reason: '管道维修' }, accessToken);
    expect(mute.status).toBe(201);
    const muteId = String(mute.body['id']);
    expect((await callApi(server, 'DELETE', `/api/v1/alert-mutes/${muteId.toUpperCase()}`, undefined, accessToken)).status).toBe(204);

    // A critical report opens an alert at once; the officer acknowledges it and dispatches its ticket.
    const ingestKey = await server.credentials.ingestKey('district:450103');
    const reportId = randomUUID();
    const report = { id: reportId, gridCode: grid, category: 'fire_safety', severity: 4, source: 'grid_worker', reportedAt: new Date().toISOString() };
    expect((await callApi(server, 'POST', '/api/v1/reports', report, ingestKey)).status).toBe(202);
    const alertId = await until(async () => {
      const alerts = (await callApi(server, 'GET', '/api/v1/alerts?scope=district:450103', undefined, accessToken)).body['alerts'] as Array<{ id: string; reportIds: string[] }>;
      return alerts.find((alert) => alert.reportIds.includes(reportId))?.id;
    }, 15_000, 'the critical alert');
    expect((await callApi(server, 'POST', `/api/v1/alerts/${alertId}/actions`, { action: 'acknowledge' }, accessToken)).status).toBe(200);
    await until(async () => ((await callApi(server, 'GET', `/api/v1/tickets/${reportId}`, undefined, accessToken)).status === 200 ? true : undefined), 15_000, 'the ticket stored');
    const event = { type: 'dispatched', at: new Date().toISOString(), department: '消防救援' };
    expect((await callApi(server, 'POST', `/api/v1/tickets/${reportId}/events`, event, accessToken)).status).toBe(202);

    await relayed(server);
    const officerEntries = await list('?actor=officer.wang');
    expect(officerEntries.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['ticket.dispatched', 'success'],
      ['alert.acknowledge', 'success'],
      ['mute.delete', 'success'],
      ['mute.create', 'success'],
      ['auth.login', 'success'],
    ]);
    expect(officerEntries[0]).toMatchObject({ target: reportId, detail: { seq: 1, state: 'dispatched', department: '消防救援' } });
    for (const entry of officerEntries) expect(entry.sourceIp).toMatch(/127\.0\.0\.1$/);
    expect(officerEntries[1]).toMatchObject({ target: alertId, detail: { state: 'acknowledged' } });
    expect(officerEntries[2]).toMatchObject({ actor: { kind: 'user', name: 'officer.wang' }, target: muteId, detail: { scope: `grid:${grid}` } });
    expect((await list('?action=auth.login&outcome=failure')).map((entry) => entry.target)).toContain('officer.wang');

    const everything = JSON.stringify(await storedRows(server));
    for (const secret of [officerPassword, 'a-wrong-password-99', TEST_ADMIN_PASSWORD, accessToken, refreshToken, admin]) expect(everything).not.toContain(secret);
  }, 60_000);

  it('is for admins only', async () => {
    const leader = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    expect((await callApi(server, 'GET', '/api/v1/audit', undefined, leader)).status).toBe(403);
    expect((await callApi(server, 'GET', '/api/v1/audit')).status).toBe(401);
  });

  it.each([
    ['from=yesterday', 'from'],
    ['from=0001-01-01T00:00:00Z', 'from'],
    ['to=9999-12-31T00:00:00Z', 'to'],
    ['from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ['action=DROP TABLE', 'action'],
    ['outcome=maybe', 'outcome'],
    ['limit=0', 'limit'],
    ['limit=5000', 'limit'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const answer = await callApi(server, 'GET', `/api/v1/audit?${query}`, undefined, admin);
    expect(answer.status).toBe(400);
    const error = apiErrorSchema.parse(answer.body);
    expect(error.error).toBe('invalid_parameter');
    expect(error.message).toContain(field);
  });
});
