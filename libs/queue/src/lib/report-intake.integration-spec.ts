import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { QUEUE_PREFIX, REPORTS_QUEUE, STORE_BATCH_JOB_OPTIONS } from './queue-definitions';
import { JobProducer } from './job-producer';
import { createRedis } from './redis-connection';
import { ReportLedger } from './report-ledger';
import { QueueUnavailableError, ReportIntake } from './report-intake';

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    gridCode: '450103001001001',
    category: 'noise',
    severity: 1,
    source: 'grid_worker',
    reportedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('ReportIntake against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;
  let jobs: JobProducer;
  /** The reports queue as the worker would see it, to look at what the intake queued. */
  let queue: Queue<ReportBatchJob>;

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('intake-test');
    jobs = new JobProducer(redis.connect('intake-queue'));
    await jobs.ready();
    queue = new Queue<ReportBatchJob>(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection: redis.connect('queue-reader') });
  });
  afterAll(async () => {
    await jobs.close();
    await queue.close();
    await redis.dispose();
  });

  it('groups concurrent submissions into one job and answers each with its own counts', async () => {
    const intake = new ReportIntake(jobs, new ReportLedger(connection), { flushAfterMs: 20, maxGroupReports: 1000 }, console);
    const shared = report();
    const before = await queue.getJobCounts('wait');
    const answers = await Promise.all([
      intake.submit([report(), report(), shared]),
      intake.submit([shared]),
      intake.submit([report()]),
    ]);
    expect(answers).toEqual([
      { accepted: 3, duplicates: 0 },
      { accepted: 0, duplicates: 1 },
      { accepted: 1, duplicates: 0 },
    ]);
    const after = await queue.getJobCounts('wait');
    expect((after['wait'] ?? 0) - (before['wait'] ?? 0)).toBe(1);
    const [job] = await queue.getJobs(['wait'], 0, 0, false);
    expect(job?.data.reports).toHaveLength(4);
    expect(job?.id).toBe(job?.data.batchId);
    expect(job?.name).toBe('store-batch');
    expect(job?.opts.attempts).toBe(STORE_BATCH_JOB_OPTIONS.attempts);
  });

  it('flushes at once when a group reaches its size limit', async () => {
    const intake = new ReportIntake(jobs, new ReportLedger(connection), { flushAfterMs: 60_000, maxGroupReports: 3 }, console);
    const answer = await intake.submit([report(), report(), report()]);
    expect(answer).toEqual({ accepted: 3, duplicates: 0 });
  });

  it('marks nothing when the job cannot be added, so the retry is accepted', async () => {
    const ledgerConnection = redis.connect('intake-ledger');
    const doomed = createRedis(redis.target, 'producer', 'doomed-queue');
    const brokenJobs = new JobProducer(doomed);
    await brokenJobs.ready();
    doomed.disconnect();
    const intake = new ReportIntake(brokenJobs, new ReportLedger(ledgerConnection), { flushAfterMs: 1, maxGroupReports: 1000 }, console);
    const lost = report();
    await expect(intake.submit([lost])).rejects.toBeInstanceOf(QueueUnavailableError);

    const healthy = new ReportIntake(jobs, new ReportLedger(ledgerConnection), { flushAfterMs: 1, maxGroupReports: 1000 }, console);
    expect(await healthy.submit([lost])).toEqual({ accepted: 1, duplicates: 0 });
  });
});
