import { ReportStore } from '@grid-command/clickhouse';
import {
  LIVE_NAMESPACE,
  snapshotSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type Report,
  type ReportBatchJob,
  type Snapshot,
} from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, REPORTS_QUEUE } from '@grid-command/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RedisRuntime } from './infrastructure/redis-runtime.service';
import { demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

const grids = demoGridCodes();
/** Issued once the server is up; it outlives a restart, as keys are kept in Redis. */
let ingestKey = '';
const CATEGORIES: Report['category'][] = ['noise', 'parking', 'environment_sanitation', 'property_management', 'dispute'];

function newReport(index: number): Report {
  return {
    id: randomUUID(),
    gridCode: grids[(index * 7) % grids.length] ?? '',
    category: CATEGORIES[index % CATEGORIES.length] ?? 'other',
    severity: ((index % 4) + 1) as Report['severity'],
    source: 'grid_worker',
    reportedAt: new Date().toISOString(),
    location: { lat: 22.81, lon: 108.38 },
    description: `巡查发现问题 #${index}`,
  };
}

/** Posts as the district's grid-worker app, with its ingest key. */
async function post(server: RunningServer, body: unknown, contentType = 'application/json'): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${ingestKey}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('reports flow from HTTP through BullMQ and ClickHouse to a live subscriber', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>;
  const snapshots: Snapshot[] = [];
  const accepted = new Set<string>();
  const firstBatch = Array.from({ length: 400 }, (_, index) => newReport(index));

  let leader: string;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { LIVE_PUSH_INTERVAL_MS: '200' });
    ingestKey = await server.credentials.ingestKey('district:450103');
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    socket = io(`${server.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], reconnection: false, auth: { token: leader } });
    socket.on('snapshot', (snapshot) => snapshots.push(snapshot));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  });

  afterAll(async () => {
    socket?.disconnect();
    await server?.close();
    dataDir.remove();
  });

  it('acknowledges a subscription and sends the scope at once', async () => {
    const ack = await socket.emitWithAck('subscribe', { scope: 'district:450103' });
    // The acknowledgement also announces the longest gap between two snapshots, which a wall watches to tell a silent link.
    expect(ack).toEqual({ ok: true, scope: 'district:450103', heartbeatMs: expect.any(Number) });
    expect((ack as { heartbeatMs: number }).heartbeatMs).toBeGreaterThan(0);
    const first = await until(() => snapshots[0], 10_000, 'the first snapshot');
    expect(snapshotSchema.parse(first).totals.reported).toBe(0);
    expect(first.ranking).toHaveLength(10);
  });

  it('refuses a malformed or unknown scope in the acknowledgement', async () => {
    expect(await socket.emitWithAck('subscribe', { scope: 'district:45' })).toMatchObject({ ok: false, error: 'invalid_scope', message: expect.stringContaining('scope') });
    // Outside this leader's grants, so it is refused before it is looked up.
    expect(await socket.emitWithAck('subscribe', { scope: 'district:110101' })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('accepts valid reports, once each, from arrays and concurrent single posts', async () => {
    const array = await post(server, firstBatch);
    expect(array).toEqual({ status: 202, body: { accepted: 400, duplicates: 0 } });
    firstBatch.forEach((report) => accepted.add(report.id));

    const singles = Array.from({ length: 150 }, (_, index) => newReport(1000 + index));
    const answers = await Promise.all(singles.map((report) => post(server, report)));
    expect(answers.every((answer) => answer.status === 202 && answer.body['accepted'] === 1)).toBe(true);
    singles.forEach((report) => accepted.add(report.id));

    const fresh = Array.from({ length: 50 }, (_, index) => newReport(2000 + index));
    const mixed = await post(server, [...fresh, ...firstBatch.slice(0, 100), fresh[0]]);
    expect(mixed).toEqual({ status: 202, body: { accepted: 50, duplicates: 101 } });
    fresh.forEach((report) => accepted.add(report.id));
  });

  it('rejects a request with one invalid report whole, naming the field', async () => {
    const valid = Array.from({ length: 5 }, (_, index) => newReport(3000 + index));
    const rejected = await post(server, [...valid, { ...newReport(3999), severity: 9 }]);
    expect(rejected.status).toBe(400);
    expect(rejected.body['issues']).toEqual([{ index: 5, path: 'severity', message: expect.stringContaining('4') }]);

    const unknownField = await post(server, { ...newReport(4000), priority: 'high' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body['issues']).toEqual([{ index: 0, path: 'priority', message: expect.any(String) }]);

    const unknownGrid = await post(server, [newReport(4001), { ...newReport(4002), gridCode: '450103999999999' }]);
    expect(unknownGrid.status).toBe(422);
    expect(unknownGrid.body['message']).toContain('450103999999999');
    expect(unknownGrid.body['issues']).toEqual([{ index: 1, path: 'gridCode', message: expect.stringContaining('not in the reference data') }]);

    expect((await post(server, 'gridCode=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(server, '{"id": ')).status).toBe(400);
    expect((await post(server, [])).status).toBe(400);

    // Nothing of the rejected request was queued: its valid reports are new when sent again.
    expect(await post(server, valid)).toEqual({ status: 202, body: { accepted: 5, duplicates: 0 } });
    valid.forEach((report) => accepted.add(report.id));
  });

  it('ends with exactly the distinct accepted reports in ClickHouse and on the live snapshot', async () => {
    const store = server.app.get(ReportStore);
    const stored = await until(async () => {
      const counts = await store.countStored();
      return counts.rows >= accepted.size ? counts : undefined;
    }, 30_000, 'every report in ClickHouse');
    expect(stored).toEqual({ rows: accepted.size, distinctIds: accepted.size });

    const live = await until(() => snapshots.find((snapshot) => snapshot.totals.reported === accepted.size), 10_000, 'a snapshot with every report');
    expect(live.scope).toBe('district:450103');
    expect(live.totals.lastHour).toBe(accepted.size);
    expect(live.ranking.reduce((total, row) => total + row.count, 0)).toBe(accepted.size);
    expect(live.heat.reduce((total, row) => total + row.count, 0)).toBe(accepted.size);

    const response = await fetch(`${server.baseUrl}/api/v1/snapshot?scope=district:450103`, { headers: { authorization: `Bearer ${leader}` } });
    expect(((await response.json()) as Snapshot).totals.reported).toBe(accepted.size);

    // A community's live ranking is its grids, every one, and they add up to the community's count.
    const communityCode = (grids[0] ?? '').slice(0, 12);
    const communityAnswer = await fetch(`${server.baseUrl}/api/v1/snapshot?scope=community:${communityCode}`, { headers: { authorization: `Bearer ${leader}` } });
    const community = snapshotSchema.parse(await communityAnswer.json());
    expect(community.ranking.map((row) => row.scope).sort()).toEqual(grids.filter((grid) => grid.startsWith(communityCode)).map((grid) => `grid:${grid}`));
    expect(community.totals.reported).toBeGreaterThan(0);
    expect(community.ranking.reduce((total, row) => total + row.count, 0)).toBe(community.totals.reported);
  });

  it('stores a redelivered batch once, and a report queued twice by a retrying client once', async () => {
    const store = server.app.get(ReportStore);
    const before = await store.countStored();
    const connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'redelivery-test');
    const queue = new Queue<ReportBatchJob>(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
    const [twice, once] = [newReport(5000), newReport(5001)];
    const batch: ReportBatchJob = { batchId: randomUUID(), acceptedAt: new Date().toISOString(), reports: [twice, newReport(5002)] };
    const retryBatch: ReportBatchJob = { batchId: randomUUID(), acceptedAt: new Date().toISOString(), reports: [twice, once] };
    const jobs = [
      await queue.add('store-batch', batch, { jobId: batch.batchId }),
      await queue.add('store-batch', batch, { jobId: `${batch.batchId}-redelivered` }),
      await queue.add('store-batch', retryBatch, { jobId: retryBatch.batchId }),
    ];
    for (const job of jobs) {
      const jobId = job.id ?? '';
      await until(async () => ((await queue.getJobState(jobId)) === 'completed' ? true : undefined), 15_000, `job ${jobId} to complete`);
    }
    await queue.close();
    await connection.quit();
    [...batch.reports, ...retryBatch.reports].forEach((report) => accepted.add(report.id));
    expect(await store.countStored()).toEqual({ rows: before.rows + 3, distinctIds: before.distinctIds + 3 });
  });

  it('keeps the data and remembers accepted ids across a restart', async () => {
    socket.disconnect();
    await server.close();
    server = await startTestServer(dataDir.path);
    expect(await server.app.get(ReportStore).countStored()).toEqual({ rows: accepted.size, distinctIds: accepted.size });
    expect(await post(server, firstBatch.slice(0, 10))).toEqual({ status: 202, body: { accepted: 0, duplicates: 10 } });
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
  });
});
