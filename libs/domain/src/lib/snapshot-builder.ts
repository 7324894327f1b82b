import {
  REPORT_CATEGORIES,
  TREND_MINUTES,
  type ReportCategory,
  type ScopeSummary,
  type Snapshot,
} from '@grid-command/contracts';
import { rankDescending, sum } from './kpi';
import { minuteWindow } from './time';

/** What ClickHouse answers for one scope; sparse: keys with no reports are absent. */
export interface ScopeAggregates {
  readonly todayByCategory: ReadonlyArray<{ category: string; count: number }>;
  readonly todayByChild: ReadonlyArray<{ code: string; count: number }>;
  readonly perMinute: ReadonlyArray<{ minute: Date; count: number }>;
  readonly perGridLastHour: ReadonlyArray<{ gridCode: string; count: number }>;
  readonly watermark: Date | null;
}

export interface SnapshotInput {
  readonly scope: ScopeSummary;
  readonly children: readonly ScopeSummary[];
  readonly gridCount: number;
  readonly now: Date;
  readonly timeZone: string;
  readonly aggregates: ScopeAggregates;
}

function isCategory(value: string): value is ReportCategory {
  return (REPORT_CATEGORIES as readonly string[]).includes(value);
}

/** Turns sparse aggregates into the dense, ordered snapshot the screens draw without further maths. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const { aggregates } = input;
  const window = minuteWindow(input.now, TREND_MINUTES);
  const windowStart = window[0]?.getTime() ?? 0;

  const perMinute = new Map<number, number>();
  for (const row of aggregates.perMinute) {
    const key = row.minute.getTime();
    if (key >= windowStart) perMinute.set(key, (perMinute.get(key) ?? 0) + row.count);
  }
  const trend = window.map((minute) => ({ minute: minute.toISOString(), count: perMinute.get(minute.getTime()) ?? 0 }));

  const categoryCounts = new Map<ReportCategory, number>(REPORT_CATEGORIES.map((category) => [category, 0]));
  for (const row of aggregates.todayByCategory) {
    if (isCategory(row.category)) categoryCounts.set(row.category, (categoryCounts.get(row.category) ?? 0) + row.count);
  }
  const byCategory = rankDescending(
    [...categoryCounts].map(([category, count]) => ({ category, count })),
    (row) => row.count,
    (row) => String(REPORT_CATEGORIES.indexOf(row.category)).padStart(2, '0'),
  );

  const childCounts = new Map(aggregates.todayByChild.map((row) => [row.code, row.count]));
  const ranking = rankDescending(
    input.children.map((child) => ({ scope: child.scope, name: child.name, count: childCounts.get(child.code) ?? 0 })),
    (row) => row.count,
    (row) => row.scope,
  );

  const heat = rankDescending(
    aggregates.perGridLastHour.filter((row) => row.count > 0).map((row) => ({ gridCode: row.gridCode, count: row.count })),
    (row) => row.count,
    (row) => row.gridCode,
  );

  return {
    scope: input.scope.scope,
    name: input.scope.name,
    asOf: input.now.toISOString(),
    watermark: aggregates.watermark?.toISOString() ?? null,
    timezone: input.timeZone,
    totals: {
      reported: sum(byCategory.map((row) => row.count)),
      lastHour: sum(trend.map((row) => row.count)),
      activeGrids: heat.length,
      grids: input.gridCount,
    },
    trend,
    byCategory,
    ranking,
    heat,
  };
}
