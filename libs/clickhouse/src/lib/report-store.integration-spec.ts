import type { ClickHouseClient } from '@clickhouse/client';
import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClickHouseClient } from './clickhouse-client.factory';
import { FaultPlanFile, POISONED_ROW_ERROR_TYPE, withFaultInjection, type FaultPlan } from './fault-injection';
import { DATABASE, loadMigrations, runMigrations } from './migration-runner';
import { ReportStore } from './report-store.repository';

const NOW = new Date('2026-11-23T06:30:20.000Z');

function report(changes: Partial<Report> = {}): Report {
  return { id: randomUUID(), gridCode: '450103001001001', category: 'noise', severity: 2, source: 'hotline_12345', reportedAt: NOW.toISOString(), ...changes };
}

function batch(reports: Report[]): ReportBatchJob {
  return { batchId: randomUUID(), acceptedAt: NOW.toISOString(), reports };
}

describe('ReportStore: rows ClickHouse refuses', () => {
  let directory: string;
  let client: ClickHouseClient;
  let store: ReportStore;

  const storedIds = async (ids: readonly string[]): Promise<string[]> => {
    const result = await client.query({
      query: `SELECT toString(id) AS id FROM ${DATABASE}.reports WHERE has({ids:Array(String)}, toString(id)) ORDER BY id`,
      query_params: { ids },
      format: 'JSONEachRow',
    });
    return (await result.json<{ id: string }>()).map((row) => row.id);
  };
  const viewCount = async (gridCode: string): Promise<number> => {
    const result = await client.query({
      query: `SELECT sum(reports) AS total FROM ${DATABASE}.reports_per_minute WHERE grid_code = {gridCode:String}`,
      query_params: { gridCode },
      format: 'JSONEachRow',
    });
    return Number((await result.json<{ total: string }>())[0]?.total ?? 0);
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'grid-command-ch-refused-'));
    client = createClickHouseClient({ kind: 'embedded', path: join(directory, 'data') });
    await runMigrations(client, await loadMigrations());
    store = new ReportStore(client, (stored) => ({ dispatchDueAt: stored.reportedAt, dueAt: stored.reportedAt }));
  });
  afterAll(async () => {
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores every other row of the batch exactly once and answers the refused ones, also when retried', async () => {
    // Text cut in the middle of an emoji, as a client that skipped the API's validation would queue it.
    const gridCode = '450103001001002';
    const reports = Array.from({ length: 9 }, (_, index) => report({ gridCode, description: index === 2 || index === 7 ? `cut \ud83d ${index}` : `ok ${index}` }));
    const job = batch(reports);

    const refused = await store.insertIsolatingFailures(job);
    expect(refused.map(({ report: bad }) => bad.id)).toEqual([reports[2]?.id, reports[7]?.id]);
    expect(refused[0]?.reason).toMatch(/surrogate/);

    // The worker crashed before it could record the outcome: the same batch comes again.
    expect((await store.insertIsolatingFailures(job)).length).toBe(2);
    const good = reports.filter((_, index) => index !== 2 && index !== 7).map((stored) => stored.id).sort();
    expect(await storedIds(reports.map((stored) => stored.id))).toEqual(good);
    expect(await viewCount(gridCode)).toBe(7);
  });

  it('stores a whole batch with its batch id as token, as before', async () => {
    const reports = [report({ gridCode: '450103001001003' }), report({ gridCode: '450103001001003' })];
    const job = batch(reports);
    await store.insertBatch(job);
    expect(await store.insertIsolatingFailures(job)).toEqual([]);
    expect((await storedIds(reports.map((stored) => stored.id))).length).toBe(2);
    expect(await viewCount('450103001001003')).toBe(2);
  });

  describe('any failure while the store is up is isolated; a store that is down fails the batch', () => {
    const POISON = '§poisoned§';
    let faultFile: string;
    let faulty: ReportStore;
    const plan = (faults: FaultPlan) => writeFileSync(faultFile, JSON.stringify(faults));
    const counts = async (gridCode: string) => {
      const result = await client.query({
        query: `SELECT count() AS rows, uniqExact(id) AS ids FROM ${DATABASE}.reports WHERE grid_code = {gridCode:String}`,
        query_params: { gridCode },
        format: 'JSONEachRow',
      });
      const [row] = await result.json<{ rows: string; ids: string }>();
      return { rows: Number(row?.rows), ids: Number(row?.ids), view: await viewCount(gridCode) };
    };
    const poisonedBatch = (size: number, gridCode: string, poisonedAt: number) =>
      batch(Array.from({ length: size }, (_, index) => report({ gridCode, description: index === poisonedAt ? `bad ${POISON} ${index}` : `ok ${index}` })));

    beforeAll(() => {
      faultFile = join(directory, 'faults.json');
      faulty = new ReportStore(withFaultInjection(client, new FaultPlanFile(faultFile, () => undefined)), (stored) => ({ dispatchDueAt: stored.reportedAt, dueAt: stored.reportedAt }));
    });

    it.each([200, 1000])('isolates 1 poisoned row in %i: the others stored at once, it answered with the reason, nothing doubled on redelivery', async (size) => {
      plan({ poisonMarker: POISON });
      const gridCode = size === 200 ? '450103001001004' : '450103001001005';
      const job = poisonedBatch(size, gridCode, 137);
      const started = performance.now();
      const refused = await faulty.insertIsolatingFailures(job);
      const isolatingMs = performance.now() - started;
      expect(refused.map(({ report: bad }) => bad.id)).toEqual([job.reports[137]?.id]);
      expect(refused[0]?.reason).toContain(POISONED_ROW_ERROR_TYPE);
      expect(await counts(gridCode)).toEqual({ rows: size - 1, ids: size - 1, view: size - 1 });

      expect(await faulty.insertIsolatingFailures(job)).toHaveLength(1);
      expect(await counts(gridCode)).toEqual({ rows: size - 1, ids: size - 1, view: size - 1 });
      process.stdout.write(`isolating 1 poisoned row in ${size}: ${isolatingMs.toFixed(0)} ms\n`);
    });

    it('throws while the store is unreachable, isolating nothing, and stores every row once after it is back', async () => {
      const gridCode = '450103001001006';
      const job = poisonedBatch(200, gridCode, -1);
      plan({ failInsertsUntil: Date.now() + 60_000 });
      await expect(faulty.insertIsolatingFailures(job)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await counts(gridCode)).toEqual({ rows: 0, ids: 0, view: 0 });

      plan({ failInsertsUntil: Date.now() - 1 });
      expect(await faulty.insertIsolatingFailures(job)).toEqual([]);
      expect(await faulty.insertIsolatingFailures(job)).toEqual([]);
      expect(await counts(gridCode)).toEqual({ rows: 200, ids: 200, view: 200 });
    });

    it('a store lost in the middle of the halving throws; the retry stores every other row exactly once', async () => {
      plan({ poisonMarker: POISON });
      const gridCode = '450103001001007';
      const job = poisonedBatch(200, gridCode, 150);
      let inserts = 0;
      const losing = new Proxy(client, {
        get: (target, property) =>
          property === 'insert'
            ? (params: Parameters<ClickHouseClient['insert']>[0]) => {
                inserts += 1;
                // The whole batch and its second half fail on the poisoned row, the first half is stored, then the
                // store goes away while the second half's first quarter is tried.
                if (inserts === 4) return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
                return withFaultInjection(target, new FaultPlanFile(faultFile, () => undefined)).insert(params);
              }
            : (Reflect.get(target, property, target) as unknown),
      });
      const interrupted = new ReportStore(losing, (stored) => ({ dispatchDueAt: stored.reportedAt, dueAt: stored.reportedAt }));
      await expect(interrupted.insertIsolatingFailures(job)).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect((await counts(gridCode)).rows).toBe(100);

      expect((await interrupted.insertIsolatingFailures(job)).map(({ report: bad }) => bad.id)).toEqual([job.reports[150]?.id]);
      expect(await counts(gridCode)).toEqual({ rows: 199, ids: 199, view: 199 });
    });

    it('an error never seen before while the store does not answer a ping fails the batch instead of halving it', async () => {
      const gridCode = '450103001001008';
      let inserts = 0;
      const down = new Proxy(client, {
        get: (target, property) => {
          if (property === 'insert') {
            return () => {
              inserts += 1;
              return Promise.reject(Object.assign(new Error('Code: 999. something new'), { type: 'SOMETHING_NEW' }));
            };
          }
          if (property === 'ping') return () => Promise.resolve({ success: false, error: new Error('down') });
          return Reflect.get(target, property, target) as unknown;
        },
      });
      const store = new ReportStore(down, (stored) => ({ dispatchDueAt: stored.reportedAt, dueAt: stored.reportedAt }));
      await expect(store.insertIsolatingFailures(poisonedBatch(8, gridCode, -1))).rejects.toMatchObject({ type: 'SOMETHING_NEW' });
      expect(inserts).toBe(1);
    });
  });
});
