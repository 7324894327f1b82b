import type { ClickHouseClient } from '@clickhouse/client';
import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClickHouseClient } from './clickhouse-client.factory';
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

    const refused = await store.insertIsolatingRefused(job);
    expect(refused.map(({ report: bad }) => bad.id)).toEqual([reports[2]?.id, reports[7]?.id]);
    expect(refused[0]?.reason).toMatch(/surrogate/);

    // The worker crashed before it could record the outcome: the same batch comes again.
    expect((await store.insertIsolatingRefused(job)).length).toBe(2);
    const good = reports.filter((_, index) => index !== 2 && index !== 7).map((stored) => stored.id).sort();
    expect(await storedIds(reports.map((stored) => stored.id))).toEqual(good);
    expect(await viewCount(gridCode)).toBe(7);
  });

  it('stores a whole batch with its batch id as token, as before', async () => {
    const reports = [report({ gridCode: '450103001001003' }), report({ gridCode: '450103001001003' })];
    const job = batch(reports);
    await store.insertBatch(job);
    expect(await store.insertIsolatingRefused(job)).toEqual([]);
    expect((await storedIds(reports.map((stored) => stored.id))).length).toBe(2);
    expect(await viewCount('450103001001003')).toBe(2);
  });
});
