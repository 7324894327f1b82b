import { kpiResponseSchema, type KpiResponse, type Report } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { connectLive, type LiveClient } from '../../testing/live-client';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../../testing/test-server';
import { KpiService } from '../kpis';

const grids = demoGridCodes();
const GRID = grids[0] ?? '';
const DISTRICT = `district:${GRID.slice(0, 6)}`;
const HEARTBEAT_MS = 5_000;
/** Quiet for this long, well inside the heartbeat: no push may come. */
const QUIET_MS = 3_000;

function report(reportedAt: Date): Report {
  return { id: randomUUID(), gridCode: GRID, category: 'noise', severity: 2, source: 'hotline_12345', reportedAt: reportedAt.toISOString() };
}

/** Every `kpis` push a socket receives, in order, checked against the contract; `arrivals` keeps when each came. */
function recordPushes(socket: LiveClient, arrivals: number[] = []): KpiResponse[] {
  const pushes: KpiResponse[] = [];
  socket.on('kpis', (raw) => {
    pushes.push(kpiResponseSchema.parse(raw));
    arrivals.push(Date.now());
  });
  return pushes;
}

const minuteOf = (epochMs: number): number => Math.floor(epochMs / 60_000);

describe('workflow KPIs pushed over /live: once per room, when they change, and on the heartbeat', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let hotline: string;
  let leader: string;
  const sockets: LiveClient[] = [];
  let first: LiveClient;
  let second: LiveClient;
  let firstPushes: KpiResponse[];
  let secondPushes: KpiResponse[];
  const firstArrivals: number[] = [];
  const stored = report(new Date(Date.now() - 10 * 60_000));

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { LIVE_KPI_HEARTBEAT_MS: String(HEARTBEAT_MS) });
    hotline = await server.credentials.ingestKey(DISTRICT);
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] });
    expect((await callApi(server, 'POST', '/api/v1/reports', [stored], hotline)).status).toBe(202);
    await until(async () => ((await callApi(server, 'GET', `/api/v1/tickets/${stored.id}`, undefined, leader)).status === 200 ? true : undefined), 15_000, 'the report to be stored');
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
    dataDir.remove();
  });

  it('answers a watch at once, and two watchers of one scope and period cost one computation', async () => {
    const computations = jest.spyOn(server.app.get(KpiService), 'kpis');
    const startedAt = Date.now();
    first = await connectLive(server, leader);
    second = await connectLive(server, leader);
    sockets.push(first, second);
    firstPushes = recordPushes(first, firstArrivals);
    secondPushes = recordPushes(second);

    const ack = await first.emitWithAck('watchKpis', { scope: DISTRICT, period: 'today' });
    expect(ack).toEqual({ ok: true, scope: DISTRICT, heartbeatMs: HEARTBEAT_MS });
    await until(() => (firstPushes.length > 0 ? true : undefined), 10_000, 'the first watcher’s first KPIs');
    expect((await second.emitWithAck('watchKpis', { scope: DISTRICT, period: 'today' })).ok).toBe(true);
    await until(() => (secondPushes.length > 0 ? true : undefined), 10_000, 'the second watcher’s first KPIs');

    expect(firstPushes[0]).toMatchObject({ scope: DISTRICT, period: 'today', current: { reported: 1, dispatched: 0 } });
    expect(secondPushes[0]?.generatedAt).toBe(firstPushes[0]?.generatedAt);
    // A new minute makes the room due once more; nothing else may.
    const minutesCrossed = minuteOf(Date.now()) - minuteOf(startedAt);
    expect(computations.mock.calls.length).toBeLessThanOrEqual(1 + minutesCrossed);
    computations.mockRestore();
  });

  it('pushes nothing while nothing changes, then the heartbeat with the same figures', async () => {
    const before = firstPushes.length;
    const quietFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    // A minute boundary recomputes, but the figures are the same, so it pushes nothing either.
    expect(firstPushes.length).toBe(before);
    await until(() => (firstPushes.length > before ? true : undefined), HEARTBEAT_MS + 5_000, 'the heartbeat push');
    const heartbeat = firstPushes.at(-1) as KpiResponse;
    expect(Date.parse(heartbeat.generatedAt)).toBeGreaterThan(quietFrom);
    expect(heartbeat.current).toEqual(firstPushes[before - 1]?.current);
  });

  it('pushes new figures to every watcher once a ticket event is stored', async () => {
    const [beforeFirst, beforeSecond] = [firstPushes.length, secondPushes.length];
    const officer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] });
    const dispatched = await callApi(server, 'POST', `/api/v1/tickets/${stored.id}/events`, { type: 'dispatched', at: new Date().toISOString(), department: '城管执法局' }, officer);
    expect(dispatched.status).toBe(202);
    const pushedAt = Date.now();
    const changed = await until(() => firstPushes.slice(beforeFirst).find((kpis) => kpis.current.dispatched === 1), 10_000, 'KPIs with the dispatch');
    expect(changed.current.reported).toBe(1);
    // Sooner than the heartbeat could have brought it: the stored events, announced over Redis, did.
    const arrivedAt = firstArrivals[firstPushes.indexOf(changed)] ?? Infinity;
    expect(arrivedAt - (firstArrivals[beforeFirst - 1] ?? 0)).toBeLessThan(HEARTBEAT_MS);
    await until(() => secondPushes.slice(beforeSecond).find((kpis) => kpis.current.dispatched === 1), 5_000, 'the second watcher’s KPIs with the dispatch');
    process.stdout.write(`kpi push after a ticket event: ${Date.now() - pushedAt} ms from the 202\n`);
  });

  it('pushes new figures once reports are stored in the scope', async () => {
    const before = firstPushes.length;
    expect((await callApi(server, 'POST', '/api/v1/reports', [report(new Date(Date.now() - 60_000)), report(new Date(Date.now() - 30_000))], hotline)).status).toBe(202);
    const changed = await until(() => firstPushes.slice(before).find((kpis) => kpis.current.reported === 3), 15_000, 'KPIs with the new reports');
    expect(changed.current.dispatched).toBe(1);
  });

  it('stops pushing to a socket that unwatched', async () => {
    expect(await second.emitWithAck('unwatchKpis', { scope: DISTRICT, period: 'today' })).toEqual({ ok: true, scope: DISTRICT });
    const before = secondPushes.length;
    const firstBefore = firstPushes.length;
    await until(() => (firstPushes.length > firstBefore ? true : undefined), HEARTBEAT_MS + 5_000, 'the next heartbeat of the room');
    expect(secondPushes.length).toBe(before);
  });
});
