import { opsOverviewSchema, type OpsOverview } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectLive } from '../testing/live-client';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

/** A bench result as `npm run bench` writes it, cut to what the overview reads (and one field it ignores). */
const BENCH_FILE = {
  version: 1,
  date: '2026-12-01T12:34:52.842Z',
  commit: 'abc1234',
  throughput: [
    { batchSize: 1, connections: 8, seconds: 6, reportsAccepted: 2_400, reportsPerSecond: 400, drainMs: 2_000 },
    // 60,000 reports over 6 s of posting and 4 s of draining: 6,000/s stored end to end, the best run.
    { batchSize: 100, connections: 8, seconds: 6, reportsAccepted: 60_000, reportsPerSecond: 10_000, drainMs: 4_000 },
    { batchSize: 1000, connections: 8, seconds: 5, reportsAccepted: 90_000, reportsPerSecond: 18_000, drainMs: 25_000 },
  ],
};

describe('GET /api/v1/ops/overview', () => {
  const dataDir = tempDataDir();
  const grid = demoGridCodes()[0] ?? '';
  let server: RunningServer;
  let operator: string;
  let ingestKey: string;

  beforeAll(async () => {
    const capacityFile = join(dataDir.path, 'bench.json');
    writeFileSync(capacityFile, JSON.stringify(BENCH_FILE));
    server = await startTestServer(dataDir.path, { OPS_CAPACITY_FILE: capacityFile });
    operator = await server.credentials.userToken({ roles: ['operator'], scopes: ['district:450103'] });
    ingestKey = await server.credentials.ingestKey();
  }, 120_000);

  afterAll(async () => {
    await server.close();
    dataDir.remove();
  });

  const overview = async (token = operator): Promise<OpsOverview> => {
    const answer = await callApi(server, 'GET', '/api/v1/ops/overview', undefined, token);
    expect(answer.status).toBe(200);
    return opsOverviewSchema.parse(answer.body);
  };

  const post = async (count: number): Promise<void> => {
    const reports = Array.from({ length: count }, () => ({ id: randomUUID(), gridCode: grid, category: 'parking', severity: 1, source: 'grid_worker', reportedAt: new Date().toISOString() }));
    const answer = await callApi(server, 'POST', '/api/v1/reports', reports, ingestKey);
    expect(answer.status).toBe(202);
  };

  it('reads the capacity from the bench file: the run stored fastest end to end, and the headroom against it', async () => {
    const first = await overview();
    expect(first.capacity).toEqual({
      status: 'measured',
      reportsPerSecond: 6_000,
      acceptedPerSecond: 10_000,
      reportsPerRequest: 100,
      measuredAt: BENCH_FILE.date,
      // Outside the directory the server runs in, so only the file's name: the page shows no machine's paths.
      source: 'bench.json',
    });
    expect(first.headroom).toBeCloseTo(1 - first.rates.accepted.last10s / 6_000, 6);
    expect(first.timeZone).toBe('Asia/Shanghai');
    expect(first.stores).toEqual({ redis: { state: 'up', problem: null }, clickhouse: { state: 'up', problem: null } });
  });

  it('moves the accepted and stored rates once reports are posted and stored, and the queue drains', async () => {
    const before = await overview();
    await post(300);
    // The counts are per whole second: the next second's overview holds them.
    const after = await until(async () => {
      const now = await overview();
      return now.rates.stored.last60s * 60 >= before.rates.stored.last60s * 60 + 300 ? now : undefined;
    }, 20_000, 'the 300 reports counted as stored');
    expect(after.rates.accepted.last60s * 60).toBeGreaterThanOrEqual(before.rates.accepted.last60s * 60 + 300);
    expect(after.trend.length).toBe(30);
    const trendAccepted = after.trend.reduce((sum, point) => sum + point.acceptedPerSecond * 10, 0);
    expect(trendAccepted).toBeGreaterThanOrEqual(300);
    expect(after.headroom).toBeCloseTo(1 - after.rates.accepted.last10s / 6_000, 6);
    expect(after.queue).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(after.lag.oldestWaitingSeconds).toBe(0);
    expect(after.deadLetters.total).toBe(0);
  });

  it("lists a wall's display-token socket with its name, scope and a recent push, and forgets it once it closes", async () => {
    const wall = await server.credentials.displayToken('street:450103001');
    const socket = await connectLive(server, wall.token);
    try {
      expect(await socket.emitWithAck('subscribe', { scope: 'street:450103001' })).toMatchObject({ ok: true });
      const listed = await until(async () => {
        const screen = (await overview()).screens.find((entry) => entry.kind === 'display_token' && entry.scopes.some(({ scope }) => scope === 'street:450103001'));
        return screen?.lastPushAt ? screen : undefined;
      }, 10_000, 'the wall listed with a push');
      // Named as the operator reads it: the operator's role cannot look the scope up in /api/v1/scopes.
      expect(listed).toMatchObject({ name: 'test wall street:450103001', scopes: [{ scope: 'street:450103001', name: '新竹街道' }], alertScopes: [], stale: false });
      expect(listed.freshnessSeconds).toBeLessThan(10);
    } finally {
      socket.close();
    }
    await until(async () => ((await overview()).screens.some((entry) => entry.kind === 'display_token') ? undefined : true), 10_000, 'the closed wall gone');
  });

  it('answers 403 to a leader and a wall, 401 without a credential', async () => {
    const leader = await server.credentials.userToken({ roles: ['leader', 'duty_officer'], scopes: ['district:450103'] });
    const wall = await server.credentials.displayToken();
    expect((await callApi(server, 'GET', '/api/v1/ops/overview', undefined, leader)).status).toBe(403);
    expect((await callApi(server, 'GET', '/api/v1/ops/overview', undefined, wall.token)).status).toBe(403);
    expect((await callApi(server, 'GET', '/api/v1/ops/overview')).status).toBe(401);
    expect((await callApi(server, 'GET', '/api/v1/ops/overview', undefined, await server.credentials.adminToken())).status).toBe(200);
  });
});
