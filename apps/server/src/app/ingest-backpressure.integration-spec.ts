import type { Report } from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, ReportLedger, REPORTS_QUEUE } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { IngestBackpressure } from './ingest';
import { RedisRuntime } from './infrastructure/redis-runtime.service';

const [GRID = ''] = demoGridCodes();

function newReport(): Report {
  return { id: randomUUID(), gridCode: GRID, category: 'noise', severity: 2, source: 'grid_worker', reportedAt: new Date().toISOString() };
}

describe('backpressure on the report queue', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let ingestKey: string;
  let connection: Redis;
  let queue: Queue;

  const post = async (body: unknown) => {
    const response = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const waitingJobs = async () => {
    const counts = await queue.getJobCounts('wait', 'prioritized', 'delayed');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  };

  beforeAll(async () => {
    // One report per request and per job (no grouping), at most two jobs waiting, no age bound.
    server = await startTestServer(dataDir.path, { INGEST_MAX_QUEUE_DEPTH: '2', INGEST_MAX_QUEUE_AGE_SECONDS: '0', INGEST_FLUSH_MS: '0' });
    ingestKey = await server.credentials.ingestKey('district:450103');
    connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'backpressure-test');
    queue = new Queue(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
  }, 120_000);

  afterAll(async () => {
    await queue.resume();
    await queue.close();
    await connection.quit();
    await server.close();
    dataDir.remove();
  });

  it('answers 503 overloaded with Retry-After while the worker is stopped, queueing and marking nothing, and accepts again once it drains', async () => {
    // The worker stops taking jobs; what is posted stays waiting.
    await queue.pause();
    for (let i = 0; i < 3; i++) expect((await post(newReport())).status).toBe(202);
    expect(await waitingJobs()).toBe(3);

    await until(async () => (server.app.get(IngestBackpressure).state().overloaded ? true : undefined), 5_000, 'the sampler to see three waiting jobs');
    const refusedReport = newReport();
    const refused = await post(refusedReport);
    expect(refused.body).toMatchObject({ statusCode: 503, error: 'overloaded', message: expect.stringContaining('INGEST_MAX_QUEUE_DEPTH=2') });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(30);
    const depthWhileRefusing = await waitingJobs();
    expect((await post([newReport(), newReport()])).status).toBe(503);
    expect(await waitingJobs()).toBe(depthWhileRefusing);
    expect(await server.app.get(ReportLedger).taken([refusedReport.id])).toEqual([false]);
    expect(server.app.get(IngestBackpressure).state()).toMatchObject({ overloaded: true, queueDepth: depthWhileRefusing, refusals: expect.any(Number) });
    expect(server.app.get(IngestBackpressure).state().refusals).toBeGreaterThanOrEqual(2);

    await queue.resume();
    const accepted = await until(async () => {
      const answer = await post(refusedReport);
      return answer.status === 202 ? answer : undefined;
    }, 15_000, 'the same report accepted once the queue drains');
    expect(accepted.body).toEqual({ accepted: 1, duplicates: 0 });
    expect(server.app.get(IngestBackpressure).state().overloaded).toBe(false);
  }, 60_000);
});
