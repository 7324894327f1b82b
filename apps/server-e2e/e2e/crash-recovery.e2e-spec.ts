import { alertListSchema, ingestKeyCreatedSchema, sessionTokensSchema, type Report, type Snapshot } from '@grid-command/contracts';
import {
  BOOTSTRAP_ADMIN_USERNAME,
  freePort,
  newBootstrapPassword,
  requestJson,
  startBuiltServer,
  stopServer,
  type ServerProcess,
} from '@grid-command/server-harness';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const TOTAL = 3000;
const PER_REQUEST = 50;
/** Every tenth report is 特急, so the crash also hits the critical alert rule mid-batch. */
const isCritical = (index: number): boolean => index % 10 === 0;

const grids = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'reference/demo-district.json'), 'utf8')) as {
    features: Array<{ properties: { level: string; code: string } }>;
  }
).features
  .filter((feature) => feature.properties.level === 'grid')
  .map((feature) => feature.properties.code);

function reports(): Report[][] {
  const all: Report[] = Array.from({ length: TOTAL }, (_, index) => ({
    id: randomUUID(),
    gridCode: grids[index % grids.length] ?? '',
    category: 'environment_sanitation',
    severity: isCritical(index) ? 4 : 1,
    source: 'iot_sensor',
    reportedAt: new Date().toISOString(),
  }));
  return Array.from({ length: TOTAL / PER_REQUEST }, (_, index) => all.slice(index * PER_REQUEST, (index + 1) * PER_REQUEST));
}

/** What the clients of a test hold: the first admin's access token, and an ingest key of the district. */
interface Credentials {
  readonly admin: string;
  readonly ingestKey: string;
}

/** The first admin signs in (the server created it from ADMIN_BOOTSTRAP_PASSWORD) and issues the district's ingest key. */
async function credentialsOf(baseUrl: string, password: string): Promise<Credentials> {
  const session = sessionTokensSchema.parse(await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: BOOTSTRAP_ADMIN_USERNAME, password } }));
  const key = ingestKeyCreatedSchema.parse(await requestJson(baseUrl, {
    method: 'POST',
    path: '/api/v1/ingest-keys',
    bearer: session.accessToken,
    body: { name: 'crash test feed', scope: 'district:450103' },
  }));
  return { admin: session.accessToken, ingestKey: key.key };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function send(baseUrl: string, batch: Report[], credentials: Credentials): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(credentials.ingestKey) },
      body: JSON.stringify(batch),
    });
    return response.status === 202;
  } catch {
    return false;
  }
}

/** Reports behind the open critical alerts, summed, and how many grids have one. */
async function criticalAlerts(baseUrl: string, credentials: Credentials): Promise<{ alerts: number; grids: number; reports: number }> {
  const response = await fetch(`${baseUrl}/api/v1/alerts?scope=district:450103&limit=1000`, { headers: bearer(credentials.admin) });
  const critical = alertListSchema.parse(await response.json()).alerts.filter((alert) => alert.ruleId === 'critical-report');
  return {
    alerts: critical.length,
    grids: new Set(critical.map((alert) => alert.scope)).size,
    reports: critical.reduce((sum, alert) => sum + alert.reportCount, 0),
  };
}

async function districtTotal(baseUrl: string, credentials: Credentials): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/snapshot?scope=district:450103`, { headers: bearer(credentials.admin) });
  return ((await response.json()) as Snapshot).totals.reported;
}

describe('a server killed mid-ingest (SIGKILL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'grid-command-crash-'));
  let server: ServerProcess | undefined;
  const password = newBootstrapPassword();
  const start = async (port: number): Promise<ServerProcess> =>
    startBuiltServer({ workspaceRoot: WORKSPACE_ROOT, dataDir, port, environment: { ADMIN_BOOTSTRAP_PASSWORD: password } });

  afterAll(async () => {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses and doubles nothing once clients retry what was not acknowledged', async () => {
    const port = await freePort();
    server = await start(port);
    const credentials = await credentialsOf(server.baseUrl, password);
    const batches = reports();
    const unacknowledged: Report[][] = [];
    let acknowledged = 0;
    let killed = false;

    // Four clients post concurrently; the server is killed while requests are in flight.
    const queue = [...batches];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          if (acknowledged >= batches.length / 3 && !killed) {
            killed = true;
            server?.child.kill('SIGKILL');
          }
          if (await send(`http://127.0.0.1:${port}`, batch, credentials)) acknowledged += 1;
          else unacknowledged.push(batch);
        }
      }),
    );
    expect(killed).toBe(true);
    expect(unacknowledged.length).toBeGreaterThan(0);

    server = await start(port);
    expect(server.output()).not.toContain('ERROR');
    // Credentials are kept in Redis, so those issued before the kill still hold.
    for (const batch of unacknowledged) expect(await send(server.baseUrl, batch, credentials)).toBe(true);

    const deadline = Date.now() + 60_000;
    let total = 0;
    while (Date.now() < deadline && total < TOTAL) {
      total = await districtTotal(server.baseUrl, credentials);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Let any late duplicate surface before the final count.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await districtTotal(server.baseUrl, credentials)).toBe(TOTAL);

    // One alert per grid with a critical report, holding each of those reports exactly once. A growing alert is
    // rewritten at most every 5 s, so its count may trail the stored reports for a while: wait for it to settle.
    const criticalReports = batches.flat().filter((report) => report.severity === 4);
    const criticalGrids = new Set(criticalReports.map((report) => `grid:${report.gridCode}`)).size;
    const expectedAlerts = { alerts: criticalGrids, grids: criticalGrids, reports: criticalReports.length };
    const alertsDeadline = Date.now() + 30_000;
    let alerts = await criticalAlerts(server.baseUrl, credentials);
    while (Date.now() < alertsDeadline && alerts.reports < expectedAlerts.reports) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      alerts = await criticalAlerts(server.baseUrl, credentials);
    }
    expect(alerts).toEqual(expectedAlerts);

    expect(await stopServer(server)).toBe(0);
    expect(existsSync(join(dataDir, 'redis', 'redis.sock'))).toBe(false);
    server = undefined;
  });
});

describe('a server killed while ticket events are recorded (SIGKILL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'grid-command-crash-tickets-'));
  let server: ServerProcess | undefined;
  let credentials: Credentials;
  const password = newBootstrapPassword();
  const start = async (port: number): Promise<ServerProcess> =>
    startBuiltServer({ workspaceRoot: WORKSPACE_ROOT, dataDir, port, environment: { ADMIN_BOOTSTRAP_PASSWORD: password } });
  const TICKETS = 300;

  afterAll(async () => {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function postEvent(baseUrl: string, ticketId: string, body: unknown): Promise<number> {
    try {
      const response = await fetch(`${baseUrl}/api/v1/tickets/${ticketId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(credentials.ingestKey) },
        body: JSON.stringify(body),
      });
      return response.status;
    } catch {
      return 0;
    }
  }

  it('every acknowledged or retried event reaches ClickHouse once', async () => {
    const port = await freePort();
    server = await start(port);
    credentials = await credentialsOf(server.baseUrl, password);
    const reportedAt = new Date(Date.now() - 3_600_000).toISOString();
    const tickets: Report[] = Array.from({ length: TICKETS }, (_, index) => ({
      id: randomUUID(),
      gridCode: grids[index % grids.length] ?? '',
      category: 'noise',
      severity: 2,
      source: 'hotline_12345',
      reportedAt,
    }));
    expect(await send(server.baseUrl, tickets, credentials)).toBe(true);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await fetch(`${server.baseUrl}/api/v1/tickets/${tickets.at(-1)?.id ?? ''}`, { headers: bearer(credentials.admin) })).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const life = (index: number) => [
      { type: 'dispatched', at: new Date(Date.parse(reportedAt) + 60_000).toISOString(), department: `部门${index % 5}` },
      { type: 'accepted', at: new Date(Date.parse(reportedAt) + 120_000).toISOString() },
    ];
    const work = tickets.map((ticket, index) => ({ id: ticket.id, body: life(index) }));
    const retry: typeof work = [];
    let acknowledged = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let item = work.shift(); item; item = work.shift()) {
          if (acknowledged >= TICKETS / 3 && !killed) {
            killed = true;
            server?.child.kill('SIGKILL');
          }
          const status = await postEvent(`http://127.0.0.1:${port}`, item.id, item.body);
          if (status === 202) acknowledged += 1;
          else retry.push(item);
        }
      }),
    );
    expect(killed).toBe(true);
    expect(retry.length).toBeGreaterThan(0);

    server = await start(port);
    // A retry of an event recorded just before the kill is answered 200 (already recorded), never stored twice.
    for (const item of retry) expect([200, 202]).toContain(await postEvent(server.baseUrl, item.id, item.body));

    const figures = async (): Promise<{ dispatched: number; reported: number }> => {
      // Whole local days around the events, so the check holds across midnight in Asia/Shanghai.
      const day = (offset: number): string => new Date(Date.now() + (8 * 60 + offset * 24 * 60) * 60_000).toISOString().slice(0, 10);
      const response = await fetch(`${server?.baseUrl ?? ''}/api/v1/kpis?scope=district:450103&period=custom&from=${day(-1)}&to=${day(0)}`, {
        headers: bearer(credentials.admin),
      });
      return ((await response.json()) as { current: { dispatched: number; reported: number } }).current;
    };
    const until = Date.now() + 60_000;
    while (Date.now() < until && (await figures()).dispatched < TICKETS) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await figures()).toMatchObject({ dispatched: TICKETS });
    for (const ticket of tickets.slice(0, 20)) {
      const view = (await (await fetch(`${server.baseUrl}/api/v1/tickets/${ticket.id}`, { headers: bearer(credentials.admin) })).json()) as { ticket: { state: string }; history: unknown[] };
      expect(view.ticket.state).toBe('accepted');
      expect(view.history).toHaveLength(2);
    }
    expect(await stopServer(server)).toBe(0);
    server = undefined;
  });
});
