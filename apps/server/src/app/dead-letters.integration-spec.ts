import { ReportStore } from '@grid-command/clickhouse';
import { apiErrorSchema, auditListSchema, deadLetterListSchema, type DeadLetter, type Report } from '@grid-command/contracts';
import { createRedis, JobProducer, QUEUE_PREFIX, ReportDeadLetters, REPORTS_QUEUE } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { RedisRuntime } from './infrastructure/redis-runtime.service';

const [GRID = ''] = demoGridCodes();
/** GRID's street · community · grid in reference/demo-district.json. */
const PLACE_OF_GRID = '新竹街道 · 桃源社区 · 桃源第1网格';
const POISON = '§poisoned-row§';

function newReport(changes: Partial<Report> = {}): Report {
  return { id: randomUUID(), gridCode: GRID, category: 'noise', severity: 2, source: 'grid_worker', reportedAt: new Date().toISOString(), ...changes };
}

/** Dead letters, their replay and the ticket of a report that could not be stored, on a server whose ClickHouse plays the fault hook. */
describe('dead letters', () => {
  const dataDir = tempDataDir();
  const faultFile = join(dataDir.path, 'faults.json');
  let server: RunningServer;
  let queue: Queue;
  let operator: string;
  let operatorName: string;
  let leader: string;
  let closeConnection: () => Promise<unknown>;

  beforeAll(async () => {
    writeFileSync(faultFile, JSON.stringify({ poisonMarker: POISON }));
    server = await startTestServer(dataDir.path, { FAULT_INJECTION_FILE: faultFile });
    operatorName = `operator-${randomUUID().slice(0, 8)}`;
    [operator, leader] = await Promise.all([
      server.credentials.userToken({ roles: ['operator'], scopes: ['district:450103'], username: operatorName }),
      server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] }),
    ]);
    const connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'dead-letter-spec');
    closeConnection = () => connection.quit();
    queue = new Queue(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
  }, 120_000);

  afterAll(async () => {
    await queue.close();
    await closeConnection();
    await server.close();
    dataDir.remove();
  });

  const stored = () => server.app.get(ReportStore).countStored();
  const deadLetters = () => server.app.get(ReportDeadLetters);
  type QueuedBatch = { batchId: string; acceptedAt: string; reports: unknown[] };
  // Queued as the API queues a batch (its retries and backoff); `queue` only watches.
  const add = (batch: QueuedBatch, jobId: string) => server.app.get(JobProducer).add('store-batch', batch, jobId);
  const completed = (jobId: string, timeoutMs: number) =>
    until(async () => ((await queue.getJobState(jobId)) === 'completed' ? true : undefined), timeoutMs, `job ${jobId} to complete`);
  const run = async (batch: QueuedBatch, jobId: string) => {
    await add(batch, jobId);
    await completed(jobId, 30_000);
  };
  const listed = async (): Promise<{ deadLetters: DeadLetter[]; total: number }> => {
    const answer = await callApi(server, 'GET', '/api/v1/ops/dead-letters?limit=500', undefined, operator);
    expect(answer.status).toBe(200);
    return deadLetterListSchema.parse(answer.body);
  };
  const replay = (id: string, body: unknown) => callApi(server, 'POST', `/api/v1/ops/dead-letters/${encodeURIComponent(id)}/replay`, body, operator);

  let poisoned: Report;
  let letterId: string;

  it('stores 199 of a batch of 200 with one poisoned row, dead-letters that one, and doubles nothing when redelivered', async () => {
    const before = await stored();
    const parkedBefore = await deadLetters().count();
    const reports = Array.from({ length: 200 }, (_, index) => newReport({ description: index === 77 ? `${POISON} at 77` : `ok ${index}` }));
    poisoned = reports[77] as Report;
    const batch = { batchId: randomUUID(), acceptedAt: new Date().toISOString(), reports };
    letterId = `${batch.batchId}#77`;

    const started = Date.now();
    await run(batch, batch.batchId);
    process.stdout.write(`worker: batch of 200 with 1 poisoned row stored and parked in ${Date.now() - started} ms (job added to completed)\n`);
    await run(batch, `${batch.batchId}-redelivered`);

    expect(await stored()).toEqual({ rows: before.rows + 199, distinctIds: before.distinctIds + 199 });
    expect(await deadLetters().count()).toBe(parkedBefore + 1);
    const { deadLetters: letters, total } = await listed();
    expect(total).toBe(parkedBefore + 1);
    expect(letters.find((letter) => letter.id === letterId)).toMatchObject({
      batchId: batch.batchId,
      index: 77,
      reportId: poisoned.id,
      gridCode: GRID,
      place: PLACE_OF_GRID,
      reason: expect.stringContaining('FAULT_INJECTION_POISONED_ROW'),
      report: poisoned,
      replays: 0,
    });
  }, 90_000);

  it('names no place for a letter whose grid code is unreadable or no known grid', async () => {
    const batchId = randomUUID();
    const parked = [{ id: randomUUID(), gridCode: '450103999999999' }, { id: randomUUID(), gridCode: 450103 }].map((report, index) => ({
      batchId,
      index,
      reason: 'parked by the spec',
      report,
      parkedAt: new Date().toISOString(),
    }));
    await deadLetters().park(parked);
    try {
      const letters = (await listed()).deadLetters.filter((letter) => letter.batchId === batchId);
      expect(letters.map(({ gridCode, place }) => ({ gridCode, place }))).toEqual([
        { gridCode: '450103999999999', place: null },
        { gridCode: null, place: null },
      ]);
    } finally {
      await Promise.all(parked.map((letter) => deadLetters().remove(letter)));
    }
  });

  it("answers the dead-lettered report's ticket with report_dead_lettered and the reason, not ticket_pending", async () => {
    const answer = await callApi(server, 'GET', `/api/v1/tickets/${poisoned.id}`, undefined, leader);
    expect(answer.status).toBe(422);
    expect(apiErrorSchema.parse(answer.body)).toMatchObject({ error: 'report_dead_lettered', message: expect.stringContaining('FAULT_INJECTION_POISONED_ROW') });
    expect(answer.body['message']).toContain(letterId);
  });

  it('keeps the letter, naming the field, when the correction is not the same report or not a valid one', async () => {
    const otherId = await replay(letterId, { report: { ...poisoned, id: randomUUID(), description: 'fixed' } });
    expect(otherId).toMatchObject({ status: 400, body: { error: 'invalid_body', message: expect.stringContaining('report.id') } });
    const badField = await replay(letterId, { report: { ...poisoned, severity: 9, description: 'fixed' } });
    expect(badField).toMatchObject({ status: 400, body: { error: 'invalid_body', message: expect.stringContaining('report.severity') } });
    const unknownGrid = await replay(letterId, { report: { ...poisoned, gridCode: '999999999999999', description: 'fixed' } });
    expect(unknownGrid).toMatchObject({ status: 422, body: { error: 'unknown_grid' } });
    const kept = await deadLetters().get(letterId);
    expect([kept?.report, kept?.replays ?? 0]).toEqual([poisoned, 0]);
  });

  it('a replay that fails again keeps the letter with the new reason and counts it; a corrected one is stored once, and the ticket answers', async () => {
    const before = await stored();
    const again = await replay(letterId, {});
    expect(again).toMatchObject({ status: 422, body: { error: 'report_dead_lettered', message: expect.stringContaining('FAULT_INJECTION_POISONED_ROW') } });
    expect(await deadLetters().get(letterId)).toMatchObject({ replays: 1 });

    const corrected = { ...poisoned, description: 'the marker removed by the operator' };
    expect(await replay(letterId, { report: corrected })).toEqual({ status: 200, body: { id: letterId, reportId: poisoned.id, stored: true } });
    expect(await stored()).toEqual({ rows: before.rows + 1, distinctIds: before.distinctIds + 1 });
    expect(await deadLetters().get(letterId)).toBeNull();
    expect((await listed()).deadLetters.map((letter) => letter.id)).not.toContain(letterId);

    const ticket = await callApi(server, 'GET', `/api/v1/tickets/${poisoned.id}`, undefined, leader);
    expect(ticket.status).toBe(200);
    expect(ticket.body['ticket']).toMatchObject({ id: poisoned.id, state: 'reported' });
    expect(await replay(letterId, {})).toMatchObject({ status: 404, body: { error: 'not_found' } });

    const admin = await server.credentials.adminToken();
    const entries = await until(
      async () => {
        const answer = await callApi(server, 'GET', '/api/v1/audit?action=dead_letter.replay', undefined, admin);
        const list = auditListSchema.parse(answer.body).entries;
        return list.length >= 2 ? list : undefined;
      },
      15_000,
      'the replays in the audit log',
    );
    expect(entries.map((entry) => [entry.actor?.name, entry.outcome, entry.target])).toEqual([
      [operatorName, 'success', letterId],
      [operatorName, 'failure', letterId],
    ]);
  }, 60_000);

  it('a redelivery of the batch after the replay parks nothing again', async () => {
    const parkedBefore = await deadLetters().count();
    const letter = letterId.split('#')[0] ?? '';
    const job = await queue.getJob(letter);
    await run(job?.data as QueuedBatch, `${letter}-late`);
    expect(await deadLetters().count()).toBe(parkedBefore);
  }, 60_000);

  it('a store outage dead-letters nothing: the batch waits and is stored once the store is back', async () => {
    const before = await stored();
    const parkedBefore = await deadLetters().count();
    writeFileSync(faultFile, JSON.stringify({ poisonMarker: POISON, failInsertsUntil: Date.now() + 2_500 }));
    const batch = { batchId: randomUUID(), acceptedAt: new Date().toISOString(), reports: Array.from({ length: 50 }, () => newReport()) };
    await add(batch, batch.batchId);
    await until(async () => ((await queue.getJob(batch.batchId))?.attemptsMade ?? 0) >= 1 || undefined, 10_000, 'an attempt against the unreachable store');
    expect(await stored()).toEqual(before);

    await completed(batch.batchId, 30_000);
    expect(await stored()).toEqual({ rows: before.rows + 50, distinctIds: before.distinctIds + 50 });
    expect(await deadLetters().count()).toBe(parkedBefore);
  }, 60_000);
});
