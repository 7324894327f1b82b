import type { ClickHouseClient } from '@clickhouse/client';
import { auditListSchema, apiErrorSchema, type AuditEntry } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { AUDIT_TRAIL, type AuditTrail } from './common/audit/audit-trail';
import { CLICKHOUSE_CLIENT } from './infrastructure/tokens';

/** Every row of the table as ClickHouse holds it, so the test reads the store and not only the API over it. */
async function storedRows(server: RunningServer): Promise<Array<Record<string, unknown>>> {
  const client = server.app.get<ClickHouseClient>(CLICKHOUSE_CLIENT);
  const result = await client.query({ query: 'SELECT * FROM grid_command.audit_log FINAL', format: 'JSONEachRow' });
  return result.json<Record<string, unknown>>();
}

describe('the audit log', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let trail: AuditTrail;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path);
    trail = server.app.get<AuditTrail>(AUDIT_TRAIL);
  }, 120_000);

  afterAll(async () => {
    await server.close();
    dataDir.remove();
  });

  const list = async (query: string): Promise<AuditEntry[]> => {
    const answer = await callApi(server, 'GET', `/api/v1/audit${query}`);
    expect(answer.status).toBe(200);
    return auditListSchema.parse(answer.body).entries;
  };

  it('relays recorded entries into ClickHouse and lists them newest first, filtered', async () => {
    const base = Date.now() - 60_000;
    const officer = { kind: 'user', id: 'u-1', name: 'officer.li' } as const;
    await trail.record({ action: 'auth.login', actor: null, target: 'officer.li', outcome: 'failure', sourceIp: '10.0.0.7', at: new Date(base) });
    await trail.record({ action: 'auth.login', actor: officer, target: 'officer.li', outcome: 'success', sourceIp: '10.0.0.7', at: new Date(base + 1_000) });
    await trail.record({ action: 'alert.acknowledge', actor: officer, target: 'a-1', outcome: 'success', sourceIp: '10.0.0.7', detail: { version: 2 }, at: new Date(base + 2_000) });

    await until(async () => ((await storedRows(server)).length >= 3 ? true : undefined), 15_000, 'three rows in audit_log');

    const all = await list('');
    expect(all.map((entry) => entry.action)).toEqual(['alert.acknowledge', 'auth.login', 'auth.login']);
    expect(all[0]).toMatchObject({ actor: officer, target: 'a-1', outcome: 'success', sourceIp: '10.0.0.7', detail: { version: 2 } });
    expect(all[2]).toMatchObject({ actor: null, outcome: 'failure', at: new Date(base).toISOString() });

    expect((await list('?action=auth.login&outcome=failure')).map((entry) => entry.outcome)).toEqual(['failure']);
    expect((await list('?actor=officer.li')).length).toBe(2);
    const window = `?from=${encodeURIComponent(new Date(base + 500).toISOString())}&to=${encodeURIComponent(new Date(base + 1_500).toISOString())}`;
    expect((await list(window)).map((entry) => entry.outcome)).toEqual(['success']);
    const limited = await callApi(server, 'GET', '/api/v1/audit?limit=1');
    expect(auditListSchema.parse(limited.body)).toMatchObject({ truncated: true });
  }, 60_000);

  it('stores an entry once although a relay round runs again before the outbox is emptied', async () => {
    await trail.record({ action: 'mute.create', actor: null, target: 'm-1', outcome: 'success', sourceIp: null });
    await until(async () => ((await storedRows(server)).some((row) => row['target'] === 'm-1') ? true : undefined), 15_000, 'the mute entry');
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
    await until(async () => ((await storedRows(server)).some((row) => row['action'] === 'user.create') ? true : undefined), 15_000, 'the user entry');
    const text = JSON.stringify(await storedRows(server));
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain('eyJhbGciOi');
    const [entry] = await list('?action=user.create');
    expect(entry).toMatchObject({ target: 'cut emoji \ufffd', detail: { password: '[redacted]', refreshToken: '[redacted]', roles: 'leader' } });
  }, 30_000);

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
    const answer = await callApi(server, 'GET', `/api/v1/audit?${query}`);
    expect(answer.status).toBe(400);
    const error = apiErrorSchema.parse(answer.body);
    expect(error.error).toBe('invalid_parameter');
    expect(error.message).toContain(field);
  });
});
