import { describe, expect, it } from '@jest/globals';
import { REPORT_CATEGORIES } from './categories';
import { snapshotSchema, TREND_MINUTES } from './snapshot.schema';

const AS_OF = Date.parse('2024-05-20T10:30:15Z');

function trend(minutes: number) {
  return Array.from({ length: minutes }, (_, index) => ({
    minute: new Date(AS_OF - (minutes - 1 - index) * 60_000).toISOString(),
    count: 0,
  }));
}

function snapshot(changes: Record<string, unknown> = {}) {
  return {
    scope: 'district:450103',
    name: '青秀区',
    asOf: new Date(AS_OF).toISOString(),
    watermark: null,
    timezone: 'Asia/Shanghai',
    totals: { reported: 0, lastHour: 0, activeGrids: 0, grids: 800 },
    trend: trend(TREND_MINUTES),
    byCategory: REPORT_CATEGORIES.map((category) => ({ category, count: 0 })),
    ranking: [{ scope: 'street:450103001', name: '新竹街道', count: 0 }],
    heat: [],
    ...changes,
  };
}

describe('snapshotSchema', () => {
  it('accepts an empty snapshot with a 60-minute trend', () => {
    expect(TREND_MINUTES).toBe(60);
    expect(snapshotSchema.safeParse(snapshot()).success).toBe(true);
  });

  it.each([0, 59, 61])('rejects a trend of %i minutes', (minutes) => {
    const result = snapshotSchema.safeParse(snapshot({ trend: trend(minutes) }));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['trend']]);
  });

  it('rejects a heat entry with zero reports: grids without reports are left out', () => {
    const result = snapshotSchema.safeParse(snapshot({ heat: [{ gridCode: '450103001001001', count: 0 }] }));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['heat', 0, 'count']]);
  });

  it('rejects a watermark or asOf without offset', () => {
    expect(snapshotSchema.safeParse(snapshot({ watermark: '2024-05-20T10:30:00' })).success).toBe(false);
    expect(snapshotSchema.safeParse(snapshot({ asOf: '2024-05-20T18:30:15' })).success).toBe(false);
  });

  it('rejects negative totals and unknown categories', () => {
    expect(snapshotSchema.safeParse(snapshot({ totals: { reported: -1, lastHour: 0, activeGrids: 0, grids: 0 } })).success).toBe(false);
    expect(snapshotSchema.safeParse(snapshot({ byCategory: [{ category: 'graffiti', count: 1 }] })).success).toBe(false);
  });
});
