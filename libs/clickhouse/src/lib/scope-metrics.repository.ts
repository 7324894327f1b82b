import type { ClickHouseClient } from '@clickhouse/client';
import type { ScopeAggregates } from '@grid-command/domain';
import { DATABASE } from './migration-runner';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';

export interface ScopeMetricsQuery {
  /** Grid-code prefix of the scope: its code. */
  readonly codePrefix: string;
  /** Digits of a child's code; null for a grid, which has no children. */
  readonly childCodeLength: number | null;
  readonly dayStart: Date;
  readonly windowStart: Date;
  /**
   * The figures as they stood at this instant (a replay): only reports with `reportedAt` ≤ it. Absent: everything
   * stored, as the live snapshot reads it.
   */
  readonly until?: Date;
}

const TABLE = `${DATABASE}.reports_per_minute`;
const REPORTS = `${DATABASE}.reports`;

/**
 * The per-minute rows up to an instant: whole minutes from the view, and the minute the instant falls in counted
 * from the raw reports up to the instant itself, so a replay at 08:17:30 does not count 08:17:45's reports.
 */
const PER_MINUTE_UNTIL = `(
  SELECT minute, grid_code, category, reports, last_reported_at
  FROM ${TABLE}
  WHERE minute < {untilMinute:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
  UNION ALL
  SELECT toDateTime(toStartOfMinute(reported_at), 'UTC') AS minute, grid_code, category, count() AS reports, max(reported_at) AS last_reported_at
  FROM ${REPORTS}
  WHERE reported_at >= {untilMinute:DateTime64(3, 'UTC')} AND reported_at <= {until:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
  GROUP BY minute, grid_code, category
)`;
const MINUTE_MS = 60_000;

interface GroupedRow {
  grouping_set: number | string;
  category: string;
  child_code: string;
  minute_start: string;
  grid_code: string;
  today: string;
  recent: string;
  newest_today: string;
}
const NO_WATERMARK = '1970-01-01 00:00:00.000';

/** Reads a scope's aggregates from the per-minute view; the scope is a grid-code prefix, never a built string. */
export class ScopeMetricsRepository {
  constructor(private readonly client: ClickHouseClient) {}

  /**
   * One query, so every figure of a snapshot comes from the same set of parts: four separate queries racing a
   * batch being inserted could show, for a moment, more reports in the last hour than today.
   */
  async aggregates(query: ScopeMetricsQuery): Promise<ScopeAggregates> {
    const rows = await this.rows<GroupedRow>(
      `SELECT
         grouping(category, child_code, minute, grid_code) AS grouping_set,
         category,
         substring(grid_code, 1, {childLength:UInt8}) AS child_code,
         toString(toDateTime64(minute, 3, 'UTC')) AS minute_start,
         grid_code,
         sumIf(reports, minute >= {dayStart:DateTime64(3, 'UTC')}) AS today,
         sumIf(reports, minute >= {windowStart:DateTime64(3, 'UTC')}) AS recent,
         toString(maxIf(last_reported_at, minute >= {dayStart:DateTime64(3, 'UTC')})) AS newest_today
       FROM ${query.until === undefined ? TABLE : PER_MINUTE_UNTIL}
       WHERE minute >= least({dayStart:DateTime64(3, 'UTC')}, {windowStart:DateTime64(3, 'UTC')})
         AND startsWith(grid_code, {prefix:String})
       GROUP BY GROUPING SETS ((category), (child_code), (minute), (grid_code))`,
      {
        prefix: query.codePrefix,
        dayStart: toClickHouseDateTime(query.dayStart),
        windowStart: toClickHouseDateTime(query.windowStart),
        childLength: query.childCodeLength ?? query.codePrefix.length,
        ...untilParams(query.until),
      },
    );
    // grouping() sets a bit for each argument that is *not* grouped in the row's set, first argument highest.
    const inSet = (row: GroupedRow, argument: 0 | 1 | 2 | 3): boolean => (Number(row.grouping_set) & (1 << (3 - argument))) === 0;
    const byCategory = rows.filter((row) => inSet(row, 0) && Number(row.today) > 0);
    const newestToday = byCategory.reduce<string | null>(
      (newest, row) => (newest === null || row.newest_today > newest ? row.newest_today : newest),
      null,
    );
    const watermark = newestToday ?? (await this.newestEver(query.codePrefix, query.until));
    return {
      todayByCategory: byCategory.map((row) => ({ category: row.category, count: Number(row.today) })),
      todayByChild:
        query.childCodeLength === null
          ? []
          : rows.filter((row) => inSet(row, 1) && Number(row.today) > 0).map((row) => ({ code: row.child_code, count: Number(row.today) })),
      perMinute: rows
        .filter((row) => inSet(row, 2) && Number(row.recent) > 0)
        .map((row) => ({ minute: fromClickHouseDateTime(row.minute_start), count: Number(row.recent) })),
      perGridLastHour: rows
        .filter((row) => inSet(row, 3) && Number(row.recent) > 0)
        .map((row) => ({ gridCode: row.grid_code, count: Number(row.recent) })),
      watermark: watermark === null ? null : fromClickHouseDateTime(watermark),
    };
  }

  /** Only asked when the scope has nothing today, so the screen can still say when it last heard from it. */
  private async newestEver(prefix: string, until: Date | undefined): Promise<string | null> {
    const [row] = await this.rows<{ newest: string }>(
      until === undefined
        ? `SELECT max(last_reported_at) AS newest FROM ${TABLE} WHERE startsWith(grid_code, {prefix:String})`
        : `SELECT max(reported_at) AS newest FROM ${REPORTS} WHERE startsWith(grid_code, {prefix:String}) AND reported_at <= {until:DateTime64(3, 'UTC')}`,
      { prefix, ...untilParams(until) },
    );
    return row === undefined || row.newest === NO_WATERMARK ? null : row.newest;
  }

  /** The first minute the store holds a report in, or null when it holds none: before it a replay has nothing to show. */
  async historyStart(): Promise<Date | null> {
    const [row] = await this.rows<{ minutes: string; earliest: string }>(
      `SELECT count() AS minutes, toString(toDateTime64(min(minute), 3, 'UTC')) AS earliest FROM ${TABLE}`,
      {},
    );
    return row && Number(row.minutes) > 0 ? fromClickHouseDateTime(row.earliest) : null;
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}

function untilParams(until: Date | undefined): Record<string, string> {
  if (until === undefined) return {};
  return { until: toClickHouseDateTime(until), untilMinute: toClickHouseDateTime(new Date(Math.floor(until.getTime() / MINUTE_MS) * MINUTE_MS)) };
}
