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
}

const TABLE = `${DATABASE}.reports_per_minute`;

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
       FROM ${TABLE}
       WHERE minute >= least({dayStart:DateTime64(3, 'UTC')}, {windowStart:DateTime64(3, 'UTC')})
         AND startsWith(grid_code, {prefix:String})
       GROUP BY GROUPING SETS ((category), (child_code), (minute), (grid_code))`,
      {
        prefix: query.codePrefix,
        dayStart: toClickHouseDateTime(query.dayStart),
        windowStart: toClickHouseDateTime(query.windowStart),
        childLength: query.childCodeLength ?? query.codePrefix.length,
      },
    );
    // grouping() sets a bit for each argument that is *not* grouped in the row's set, first argument highest.
    const inSet = (row: GroupedRow, argument: 0 | 1 | 2 | 3): boolean => (Number(row.grouping_set) & (1 << (3 - argument))) === 0;
    const byCategory = rows.filter((row) => inSet(row, 0) && Number(row.today) > 0);
    const newestToday = byCategory.reduce<string | null>(
      (newest, row) => (newest === null || row.newest_today > newest ? row.newest_today : newest),
      null,
    );
    const watermark = newestToday ?? (await this.newestEver(query.codePrefix));
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
  private async newestEver(prefix: string): Promise<string | null> {
    const [row] = await this.rows<{ newest: string }>(
      `SELECT max(last_reported_at) AS newest FROM ${TABLE} WHERE startsWith(grid_code, {prefix:String})`,
      { prefix },
    );
    return row === undefined || row.newest === NO_WATERMARK ? null : row.newest;
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}
