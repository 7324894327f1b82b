import { ReportStore } from '@grid-command/clickhouse';
import type { Report } from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, ReportDeadLetters, REPORTS_QUEUE } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { RedisRuntime } from './infrastructure/redis-runtime.service';

const [GRID = ''] = demoGridCodes();

function newReport(changes: Partial<Record<keyof Report, unknown>> = {}): Report {
  return { id: randomUUID(), gridCode: GRID, category: 'noise', severity: 2, source: 'grid_worker', reportedAt: new Date().toISOString(), ...changes } as Report;
}

describe('what reaches ClickHouse', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let ingestKey: string;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path);
    ingestKey = await server.credentials.ingestKey('district:450103');
  }, 120_000);

  afterAll(async () => {
    await server.close();
    dataDir.remove();
  });

  const stored = () => server.app.get(ReportStore).countStored();

  it('stores a report once when its id is sent again in another letter case', async () => {
    const before = await stored();
    const report = newReport();
    const upper = { ...report, id: report.id.toUpperCase() };
    expect(await callApi(server, 'POST', '/api/v1/reports', upper, ingestKey)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    expect(await callApi(server, 'POST', '/api/v1/reports', report, ingestKey)).toEqual({ status: 202, body: { accepted: 0, duplicates: 1 } });
    expect(await callApi(server, 'POST', '/api/v1/reports', [report, upper], ingestKey)).toEqual({ status: 202, body: { accepted: 0, duplicates: 2 } });
    const after = await until(async () => {
      const counts = await stored();
      return counts.rows > before.rows ? counts : undefined;
    }, 15_000, 'the report in ClickHouse');
    expect(after).toEqual({ rows: before.rows + 1, distinctIds: before.distinctIds + 1 });
  });

  it('parks the reports of a queued batch the store cannot hold and stores the others once, also when redelivered', async () => {
    // Queued by an API before today's rules: the worker is the second line.
    const good = [newReport(), newReport(), newReport()];
    const bad = [newReport({ description: 'cut \ud83d' }), newReport({ reportedAt: '1970-01-01T00:00:00Z' }), { id: 'not-a-report' }];
    const batch = { batchId: randomUUID(), acceptedAt: new Date().toISOString(), reports: [good[0], bad[0], good[1], bad[1], bad[2], good[2]] };
    const before = await stored();
    const deadLetters = server.app.get(ReportDeadLetters);
    const parkedBefore = await deadLetters.count();

    const connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'dead-letter-test');
    const queue = new Queue(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
    for (const jobId of [batch.batchId, `${batch.batchId}-redelivered`]) {
      const job = await queue.add('store-batch', batch, { jobId });
      await until(async () => ((await queue.getJobState(job.id ?? '')) === 'completed' ? true : undefined), 15_000, `job ${jobId} to complete`);
    }
    await queue.close();
    await connection.quit();

    expect(await stored()).toEqual({ rows: before.rows + 3, distinctIds: before.distinctIds + 3 });
    expect(await deadLetters.count()).toBe(parkedBefore + 3);
    const parked = (await deadLetters.list()).filter((entry) => entry.batchId === batch.batchId);
    expect(parked.map((entry) => [entry.index, entry.reason]).sort()).toEqual([
      [1, expect.stringContaining('description')],
      [3, expect.stringContaining('reportedAt')],
      [4, expect.stringContaining('gridCode')],
    ]);
  }, 60_000);
});
