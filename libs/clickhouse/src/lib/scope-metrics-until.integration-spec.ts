import type { ClickHouseClient } from '@clickhouse/client';
import { slaPolicySchema, workCalendarSchema, type Report } from '@grid-command/contracts';
import { openTicket, WorkingTime, type TicketRules } from '@grid-command/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClickHouseClient } from './clickhouse-client.factory';
import { loadMigrations, runMigrations } from './migration-runner';
import { ReportStore } from './report-store.repository';
import { ScopeMetricsRepository } from './scope-metrics.repository';

const ROOT = join(__dirname, '..', '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const rules: TicketRules = {
  policy: slaPolicySchema.parse(readJson('config/sla-policy.json')),
  workingTime: new WorkingTime(workCalendarSchema.parse(readJson('config/work-calendar.json'))),
};
const GRID_A = '450103001001001';
const GRID_B = '450103002001001';

const report = (gridCode: string, category: Report['category'], reportedAt: string): Report => ({
  id: randomUUID(),
  gridCode,
  category,
  severity: 1,
  source: 'grid_worker',
  reportedAt,
});

/** A recorded morning (times in +08:00) and the evening before it, so "today" has to start at local midnight. */
const HISTORY: Report[] = [
  report(GRID_A, 'environment_sanitation', '2026-11-29T23:50:00+08:00'),
  report(GRID_A, 'environment_sanitation', '2026-11-30T07:58:10+08:00'),
  report(GRID_B, 'public_security', '2026-11-30T08:00:05+08:00'),
  report(GRID_A, 'environment_sanitation', '2026-11-30T08:17:10+08:00'),
  report(GRID_B, 'environment_sanitation', '2026-11-30T08:17:45+08:00'),
  report(GRID_B, 'public_security', '2026-11-30T09:30:00+08:00'),
];

describe('scope aggregates as they stood at an instant (replay)', () => {
  let directory: string;
  let client: ClickHouseClient;
  let metrics: ScopeMetricsRepository;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'grid-command-until-'));
    client = createClickHouseClient({ kind: 'embedded', path: join(directory, 'data') });
    await runMigrations(client, await loadMigrations());
    metrics = new ScopeMetricsRepository(client);
    expect(await metrics.historyStart()).toBeNull();
    await new ReportStore(client, (stored) => openTicket(stored, rules)).insertBatch({ batchId: randomUUID(), acceptedAt: '2026-11-30T10:00:00+08:00', reports: HISTORY });
  }, 120_000);

  afterAll(async () => {
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const at = (instant: string) =>
    metrics.aggregates({
      codePrefix: '450103',
      childCodeLength: 9,
      dayStart: new Date('2026-11-30T00:00:00+08:00'),
      windowStart: new Date(Date.parse(instant) - 59 * 60_000 - (Date.parse(instant) % 60_000)),
      until: new Date(instant),
    });

  it('counts, in the minute of the instant, only the reports up to the instant itself', async () => {
    const figures = await at('2026-11-30T08:17:30+08:00');
    expect([...figures.todayByCategory].sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'environment_sanitation', count: 2 },
      { category: 'public_security', count: 1 },
    ]);
    expect([...figures.todayByChild].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '450103001', count: 2 },
      { code: '450103002', count: 1 },
    ]);
    // The last hour is 07:18–08:17:30: 07:58:10 is in it, 08:17:45 is not yet.
    expect(figures.perMinute.map((row) => [row.minute.toISOString(), row.count]).sort()).toEqual([
      ['2026-11-29T23:58:00.000Z', 1],
      ['2026-11-30T00:00:00.000Z', 1],
      ['2026-11-30T00:17:00.000Z', 1],
    ]);
    expect([...figures.perGridLastHour].sort((a, b) => a.gridCode.localeCompare(b.gridCode))).toEqual([
      { gridCode: GRID_A, count: 2 },
      { gridCode: GRID_B, count: 1 },
    ]);
    expect(figures.watermark?.toISOString()).toBe('2026-11-30T00:17:10.000Z');
  });

  it('grows as the instant moves on, and before the first report of the day still knows the last one heard', async () => {
    const earlier = await at('2026-11-30T00:10:00+08:00');
    expect(earlier.todayByCategory).toEqual([]);
    expect(earlier.watermark?.toISOString()).toBe('2026-11-29T15:50:00.000Z');
    const later = await at('2026-11-30T08:18:00+08:00');
    expect(later.todayByCategory.reduce((total, row) => total + row.count, 0)).toBe(4);
    const live = await metrics.aggregates({ codePrefix: '450103', childCodeLength: 9, dayStart: new Date('2026-11-30T00:00:00+08:00'), windowStart: new Date('2026-11-30T09:00:00+08:00') });
    expect(live.todayByCategory.reduce((total, row) => total + row.count, 0)).toBe(5);
  });

  it('says where the stored history begins', async () => {
    expect((await metrics.historyStart())?.toISOString()).toBe('2026-11-29T15:50:00.000Z');
  });
});
