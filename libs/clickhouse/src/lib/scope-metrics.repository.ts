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
const NO_WATERMARK = '1970-01-01 00:00:00.000';

/** Reads a scope's aggregates from the per-minute view; the scope is a grid-code prefix, never a built string. */
export class ScopeMetricsRepository {
  constructor(private readonly client: ClickHouseClient) {}

  async aggregates(query: ScopeMetricsQuery): Promise<ScopeAggregates> {
    const params = {
      prefix: query.codePrefix,
      dayStart: toClickHouseDateTime(query.dayStart),
      windowStart: toClickHouseDateTime(query.windowStart),
      childLength: query.childCodeLength ?? query.codePrefix.length,
    };
    const [today, byChild, perMinute, perGrid] = await Promise.all([
      this.rows<{ category: string; count: string; newest: string }>(
        `SELECT category, sum(reports) AS count, max(last_reported_at) AS newest
         FROM ${TABLE}
         WHERE minute >= {dayStart:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
         GROUP BY category`,
        params,
      ),
      query.childCodeLength === null
        ? Promise.resolve([])
        : this.rows<{ code: string; count: string }>(
            `SELECT substring(grid_code, 1, {childLength:UInt8}) AS code, sum(reports) AS count
             FROM ${TABLE}
             WHERE minute >= {dayStart:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
             GROUP BY code`,
            params,
          ),
      this.rows<{ minuteStart: string; count: string }>(
        `SELECT toString(toDateTime64(minute, 3, 'UTC')) AS minuteStart, sum(reports) AS count
         FROM ${TABLE}
         WHERE minute >= {windowStart:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
         GROUP BY minute`,
        params,
      ),
      this.rows<{ gridCode: string; count: string }>(
        `SELECT grid_code AS gridCode, sum(reports) AS count
         FROM ${TABLE}
         WHERE minute >= {windowStart:DateTime64(3, 'UTC')} AND startsWith(grid_code, {prefix:String})
         GROUP BY grid_code`,
        params,
      ),
    ]);

    const newestToday = today.reduce<string | null>((newest, row) => (newest === null || row.newest > newest ? row.newest : newest), null);
    const watermark = newestToday ?? (await this.newestEver(params.prefix));
    return {
      todayByCategory: today.map((row) => ({ category: row.category, count: Number(row.count) })),
      todayByChild: byChild.map((row) => ({ code: row.code, count: Number(row.count) })),
      perMinute: perMinute.map((row) => ({ minute: fromClickHouseDateTime(row.minuteStart), count: Number(row.count) })),
      perGridLastHour: perGrid.map((row) => ({ gridCode: row.gridCode, count: Number(row.count) })),
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
