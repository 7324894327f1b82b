import { snapshotSchema, REPORT_CATEGORIES, type ScopeSummary, type Snapshot } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { buildSnapshot, type SnapshotInput } from './snapshot-builder';

/** 2024-05-20 18:30:15.5 in Shanghai: the trend runs from 09:31Z to 10:30Z. */
const NOW = new Date('2024-05-20T10:30:15.500Z');
const minute = (hhmm: string) => new Date(`2024-05-20T${hhmm}:00Z`);

const district: ScopeSummary = { scope: 'district:450103', level: 'district', code: '450103', name: '青秀区' };
const street = (field: string, name: string): ScopeSummary => ({
  scope: `street:450103${field}`,
  level: 'street',
  code: `450103${field}`,
  name,
});

const total = (rows: ReadonlyArray<{ count: number }>) => rows.reduce((acc, row) => acc + row.count, 0);

describe('buildSnapshot: a district with reports today and in the last hour', () => {
  const input: SnapshotInput = {
    scope: district,
    // Out of order; street 003 has no report today.
    children: [street('003', '南湖街道'), street('001', '新竹街道'), street('002', '中山街道')],
    gridCount: 800,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    aggregates: {
      todayByCategory: [
        { category: 'parking', count: 6 },
        { category: 'fire_safety', count: 10 },
        { category: 'noise', count: 4 },
        { category: 'noise', count: 2 },
      ],
      todayByChild: [
        { code: '450103002', count: 11 },
        { code: '450103001', count: 11 },
      ],
      perMinute: [
        { minute: minute('08:00'), count: 9 }, // before the window
        { minute: minute('09:30'), count: 7 }, // one minute before the window
        { minute: minute('09:31'), count: 4 }, // the first minute of the window
        { minute: minute('10:00'), count: 5 },
        { minute: minute('10:30'), count: 2 }, // the current minute, reported twice
        { minute: minute('10:30'), count: 1 },
      ],
      perGridLastHour: [
        { gridCode: '450103001002001', count: 2 },
        { gridCode: '450103002001001', count: 5 },
        { gridCode: '450103002001002', count: 0 },
        { gridCode: '450103001001001', count: 5 },
      ],
      watermark: new Date('2024-05-20T10:30:14.250Z'),
    },
  };
  const snapshot: Snapshot = buildSnapshot(input);

  it('names the scope, the time and the zone', () => {
    expect(snapshot).toMatchObject({
      scope: 'district:450103',
      name: '青秀区',
      asOf: '2024-05-20T10:30:15.500Z',
      watermark: '2024-05-20T10:30:14.250Z',
      timezone: 'Asia/Shanghai',
    });
  });

  it('has a dense 60-minute trend from 09:31 to the current minute 10:30', () => {
    expect(snapshot.trend).toHaveLength(60);
    expect(snapshot.trend[0]).toEqual({ minute: '2024-05-20T09:31:00.000Z', count: 4 });
    expect(snapshot.trend[29]).toEqual({ minute: '2024-05-20T10:00:00.000Z', count: 5 });
    expect(snapshot.trend[59]).toEqual({ minute: '2024-05-20T10:30:00.000Z', count: 3 });
    const others = snapshot.trend.filter((_, index) => index !== 0 && index !== 29 && index !== 59);
    expect(others.every((row) => row.count === 0)).toBe(true);
  });

  it('ignores rows before the window and sums rows of the same minute', () => {
    expect(total(snapshot.trend)).toBe(4 + 5 + 3);
  });

  it('lists every category, largest first, ties in the order categories are declared', () => {
    expect(snapshot.byCategory.slice(0, 3)).toEqual([
      { category: 'fire_safety', count: 10 },
      { category: 'noise', count: 6 },
      { category: 'parking', count: 6 },
    ]);
    const zeros = REPORT_CATEGORIES.filter((category) => !['fire_safety', 'noise', 'parking'].includes(category));
    expect(snapshot.byCategory.slice(3)).toEqual(zeros.map((category) => ({ category, count: 0 })));
  });

  it('ranks every child street, including the one with no report, ties by scope', () => {
    expect(snapshot.ranking).toEqual([
      { scope: 'street:450103001', name: '新竹街道', count: 11 },
      { scope: 'street:450103002', name: '中山街道', count: 11 },
      { scope: 'street:450103003', name: '南湖街道', count: 0 },
    ]);
  });

  it('leaves grids without reports out of the heat, largest first, ties by grid code', () => {
    expect(snapshot.heat).toEqual([
      { gridCode: '450103001001001', count: 5 },
      { gridCode: '450103002001001', count: 5 },
      { gridCode: '450103001002001', count: 2 },
    ]);
  });

  it('has totals that agree with the detail', () => {
    expect(snapshot.totals).toEqual({ reported: 22, lastHour: 12, activeGrids: 3, grids: 800 });
    expect(snapshot.totals.reported).toBe(total(snapshot.byCategory));
    expect(snapshot.totals.lastHour).toBe(total(snapshot.trend));
    expect(snapshot.totals.activeGrids).toBe(snapshot.heat.length);
  });

  it('passes the snapshot contract', () => {
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });
});

describe('buildSnapshot: a grid with no report yet', () => {
  const snapshot = buildSnapshot({
    scope: { scope: 'grid:450103001001001', level: 'grid', code: '450103001001001', name: '桃源第1网格' },
    children: [],
    gridCount: 1,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    aggregates: { todayByCategory: [], todayByChild: [], perMinute: [], perGridLastHour: [], watermark: null },
  });

  it('still draws 60 empty minutes and every category at zero, in declared order', () => {
    expect(snapshot.trend).toHaveLength(60);
    expect(snapshot.trend.every((row) => row.count === 0)).toBe(true);
    expect(snapshot.byCategory).toEqual(REPORT_CATEGORIES.map((category) => ({ category, count: 0 })));
  });

  it('has no ranking, no heat, zero totals and no watermark', () => {
    expect(snapshot.ranking).toEqual([]);
    expect(snapshot.heat).toEqual([]);
    expect(snapshot.totals).toEqual({ reported: 0, lastHour: 0, activeGrids: 0, grids: 1 });
    expect(snapshot.watermark).toBeNull();
  });

  it('passes the snapshot contract', () => {
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });
});

describe('buildSnapshot: rows ClickHouse should not have sent', () => {
  const snapshot = buildSnapshot({
    scope: district,
    children: [street('001', '新竹街道')],
    gridCount: 800,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    aggregates: {
      todayByCategory: [
        { category: 'noise', count: 3 },
        { category: 'graffiti', count: 7 },
      ],
      todayByChild: [
        { code: '450103001', count: 3 },
        { code: '450103999', count: 7 },
      ],
      perMinute: [],
      perGridLastHour: [],
      watermark: null,
    },
  });

  it('drops an unknown category and a child that is not in the reference data', () => {
    expect(snapshot.byCategory.map((row) => row.category)).not.toContain('graffiti');
    expect(snapshot.totals.reported).toBe(3);
    expect(snapshot.ranking).toEqual([{ scope: 'street:450103001', name: '新竹街道', count: 3 }]);
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
  });
});
