import type { ClickHouseClient } from '@clickhouse/client';
import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClickHouseClient } from './clickhouse-client.factory';
import { DATABASE, loadMigrations, MIGRATIONS_DIR, MigrationError, runMigrations } from './migration-runner';
import { ReportStore } from './report-store.repository';
import { ScopeMetricsRepository } from './scope-metrics.repository';

const NOW = new Date('2026-11-23T06:30:20.000Z'); // 14:30:20 in Asia/Shanghai
const DAY_START = new Date('2026-11-22T16:00:00.000Z');

function report(gridCode: string, reportedAt: Date, category: Report['category'] = 'noise'): Report {
  return { id: randomUUID(), gridCode, category, severity: 2, source: 'hotline_12345', reportedAt: reportedAt.toISOString() };
}

function batch(reports: Report[]): ReportBatchJob {
  return { batchId: randomUUID(), acceptedAt: NOW.toISOString(), reports };
}

async function viewTotal(client: ClickHouseClient): Promise<number> {
  const [row] = await (
    await client.query({ query: `SELECT sum(reports) AS total FROM ${DATABASE}.reports_per_minute`, format: 'JSONEachRow' })
  ).json<{ total: string }>();
  return Number(row?.total ?? 0);
}

describe('ClickHouse (embedded chdb)', () => {
  let directory: string;
  let client: ClickHouseClient;
  let store: ReportStore;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'grid-command-ch-'));
    client = createClickHouseClient({ kind: 'embedded', path: join(directory, 'data') });
    await runMigrations(client, await loadMigrations());
    store = new ReportStore(client, (report) => ({ dispatchDueAt: report.reportedAt, dueAt: report.reportedAt }));
  });
  afterAll(async () => {
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('applies migrations once and records them', async () => {
    const again = await runMigrations(client, await loadMigrations());
    expect(again).toEqual([]);
    const rows = await (await client.query({ query: `SELECT version FROM ${DATABASE}.schema_migrations ORDER BY version`, format: 'JSONEachRow' })).json<{ version: number }>();
    expect(rows.map((row) => Number(row.version))).toEqual((await loadMigrations()).map((migration) => migration.version));
  });

  it('refuses a migration that changed after it was applied', async () => {
    const edited = join(directory, 'edited-migrations');
    mkdirSync(edited);
    cpSync(MIGRATIONS_DIR, edited, { recursive: true });
    writeFileSync(join(edited, '001_reports.sql'), '-- edited\nSELECT 1;\n');
    await expect(runMigrations(client, await loadMigrations(edited))).rejects.toThrow(MigrationError);
    await expect(runMigrations(client, await loadMigrations(edited))).rejects.toThrow(/migration 1 \(reports\) was changed/);
  });

  it('stores a retried batch once, in the table and in the per-minute view', async () => {
    const before = await store.countStored();
    const viewBefore = await viewTotal(client);
    const retried = batch([report('450103001001001', NOW), report('450103001001002', NOW), report('450103002001001', NOW)]);
    await store.insertBatch(retried);
    await store.insertBatch(retried);
    await store.insertBatch(retried);
    const after = await store.countStored();
    expect(after.rows - before.rows).toBe(3);
    expect(after.distinctIds).toBe(after.rows);
    expect((await viewTotal(client)) - viewBefore).toBe(3);
  });

  it('does not drop a different batch after a token was used (embedded settings persist per session)', async () => {
    const before = await store.countStored();
    await store.insertBatch(batch([report('450103001001001', NOW)]));
    await store.insertBatch(batch([report('450103001001001', NOW)]));
    expect((await store.countStored()).rows - before.rows).toBe(2);
  });

  it('aggregates a scope by grid-code prefix: today, the last hour, per child and per grid', async () => {
    await client.command({ query: `TRUNCATE TABLE ${DATABASE}.reports` });
    await client.command({ query: `TRUNCATE TABLE ${DATABASE}.reports_per_minute` });
    const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);
    await store.insertBatch(
      batch([
        report('450103001001001', minutesAgo(0), 'noise'),
        report('450103001001001', minutesAgo(0), 'noise'),
        report('450103001002001', minutesAgo(5), 'parking'),
        report('450103001001002', minutesAgo(90), 'fire_safety'), // today, not in the last hour
        report('450103001001002', new Date(DAY_START.getTime() - 60_000), 'noise'), // yesterday
        report('450103002001001', minutesAgo(1), 'noise'), // another street
      ]),
    );
    const metrics = new ScopeMetricsRepository(client);
    const street = await metrics.aggregates({
      codePrefix: '450103001',
      childCodeLength: 12,
      dayStart: DAY_START,
      windowStart: minutesAgo(59),
    });
    const byCategory = Object.fromEntries(street.todayByCategory.map((row) => [row.category, row.count]));
    expect(byCategory).toEqual({ noise: 2, parking: 1, fire_safety: 1 });
    expect(Object.fromEntries(street.todayByChild.map((row) => [row.code, row.count]))).toEqual({ '450103001001': 3, '450103001002': 1 });
    expect(street.perMinute.reduce((total, row) => total + row.count, 0)).toBe(3);
    expect(Object.fromEntries(street.perGridLastHour.map((row) => [row.gridCode, row.count]))).toEqual({ '450103001001001': 2, '450103001002001': 1 });
    expect(street.watermark?.toISOString()).toBe(NOW.toISOString());

    const quietGrid = await metrics.aggregates({ codePrefix: '450103001001002', childCodeLength: null, dayStart: new Date(NOW.getTime() + 3_600_000), windowStart: NOW });
    expect(quietGrid.todayByCategory).toEqual([]);
    expect(quietGrid.todayByChild).toEqual([]);
    expect(quietGrid.watermark?.toISOString()).toBe(minutesAgo(90).toISOString());
  });
});
