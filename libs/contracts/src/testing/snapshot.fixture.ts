import { REPORT_CATEGORIES, type ReportCategory } from '../lib/categories';
import { snapshotSchema, TREND_MINUTES, type Snapshot } from '../lib/snapshot.schema';

export interface SnapshotFixtureInput {
  readonly asOf?: string;
  readonly scope?: string;
  readonly reported?: number;
  readonly lastHour?: number;
  readonly activeGrids?: number;
  readonly grids?: number;
  /** Counts for the newest minutes; older minutes are 0. */
  readonly perMinute?: readonly number[];
  readonly byCategory?: Partial<Record<ReportCategory, number>>;
  readonly ranking?: ReadonlyArray<{ scope: string; name: string; count: number }>;
  readonly heat?: ReadonlyArray<{ gridCode: string; count: number }>;
}

/** A snapshot that passes the contract, with only the fields a test cares about spelled out. */
export function snapshotFixture(input: SnapshotFixtureInput = {}): Snapshot {
  const asOf = input.asOf ?? '2026-11-23T02:30:15.000Z';
  const lastMinute = Math.floor(Date.parse(asOf) / 60_000) * 60_000;
  const recent = input.perMinute ?? [];
  const trend = Array.from({ length: TREND_MINUTES }, (_, index) => ({
    minute: new Date(lastMinute - (TREND_MINUTES - 1 - index) * 60_000).toISOString(),
    count: recent[recent.length - TREND_MINUTES + index] ?? 0,
  }));
  const byCategory = REPORT_CATEGORIES.map((category) => ({ category, count: input.byCategory?.[category] ?? 0 })).sort(
    (a, b) => b.count - a.count,
  );
  return snapshotSchema.parse({
    scope: input.scope ?? 'district:450103',
    name: '青秀区',
    asOf,
    watermark: null,
    timezone: 'Asia/Shanghai',
    totals: {
      reported: input.reported ?? 0,
      lastHour: input.lastHour ?? 0,
      activeGrids: input.activeGrids ?? 0,
      grids: input.grids ?? 800,
    },
    trend,
    byCategory,
    ranking: input.ranking ?? [],
    heat: input.heat ?? [],
  });
}
