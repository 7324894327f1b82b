import type { ClickHouseClient } from '@clickhouse/client';
import type { AlertReport, TicketSnapshot } from '@grid-command/contracts';
import { OPEN_TICKET_STATES } from '@grid-command/domain';
import { DATABASE } from './migration-runner';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';
import { fromTicketRow, type TicketRow } from './ticket-store.repository';

const REPORTS = `${DATABASE}.reports`;
const TICKETS = `${DATABASE}.tickets`;
const PER_MINUTE = `${DATABASE}.reports_per_minute`;
const DAY_MINUTES = 24 * 60;
const HOUR_MINUTES = 60;

/** The last hour's reports in one scope, and the same hour on each previous day the stored history covers. */
export interface HourlyVolume {
  readonly code: string;
  readonly current: number;
  readonly baseline: readonly number[];
}

/** What the timed alert rules read: tickets past a deadline, the hourly volume, and an alert's reports. */
export class AlertSignalsRepository {
  constructor(private readonly client: ClickHouseClient) {}

  /**
   * Tickets reported within the look-back whose deadline has passed while they still wait: for `dispatch` those
   * not dispatched, for `resolution` those open (a suspended ticket's clock is paused). Longest overdue first.
   */
  async ticketsPastDeadline(deadline: 'dispatch' | 'resolution', now: Date, lookBackDays: number, limit: number): Promise<TicketSnapshot[]> {
    const condition =
      deadline === 'dispatch'
        ? `state = 'reported' AND dispatch_due_at <= {now:DateTime64(3, 'UTC')}`
        : `state IN {openStates:Array(String)} AND due_at <= {now:DateTime64(3, 'UTC')}`;
    const order = deadline === 'dispatch' ? 'dispatch_due_at' : 'due_at';
    return (
      await this.rows<TicketRow>(
        `SELECT * FROM ${TICKETS} FINAL
         WHERE reported_at >= {since:DateTime64(3, 'UTC')} AND ${condition}
         ORDER BY ${order} LIMIT {limit:UInt32}`,
        {
          now: toClickHouseDateTime(now),
          since: toClickHouseDateTime(new Date(now.getTime() - lookBackDays * 86_400_000)),
          limit,
          openStates: [...OPEN_TICKET_STATES],
        },
      )
    ).map(fromTicketRow);
  }

  /**
   * Reports in each scope (grid-code prefix of `codeLength`) over the 60 whole minutes before `now`'s minute, and
   * over the same 60 minutes on each of the previous `baselineDays` days that the stored history fully covers.
   */
  async hourlyVolumes(codeLength: number, now: Date, baselineDays: number): Promise<HourlyVolume[]> {
    const anchor = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const from = new Date(anchor.getTime() - (baselineDays * DAY_MINUTES + HOUR_MINUTES) * 60_000);
    const [earliest] = await this.rows<{ minutes: string; earliest: string }>(
      `SELECT count() AS minutes, toString(min(minute)) AS earliest FROM ${PER_MINUTE}`,
      {},
    );
    if (!earliest || Number(earliest.minutes) === 0) return [];
    const historyStart = fromClickHouseDateTime(earliest.earliest).getTime();
    const coveredDays = Array.from({ length: baselineDays }, (_, index) => index + 1).filter(
      (day) => anchor.getTime() - (day * DAY_MINUTES + HOUR_MINUTES) * 60_000 >= historyStart,
    );
    const rows = await this.rows<{ code: string; day: string; reports: string }>(
      `SELECT substring(grid_code, 1, {length:UInt8}) AS code,
              intDiv(dateDiff('minute', minute, {anchor:DateTime('UTC')}) - 1, ${DAY_MINUTES}) AS day,
              sum(reports) AS reports
       FROM ${PER_MINUTE}
       WHERE minute >= {from:DateTime('UTC')} AND minute < {anchor:DateTime('UTC')}
         AND (dateDiff('minute', minute, {anchor:DateTime('UTC')}) - 1) % ${DAY_MINUTES} < ${HOUR_MINUTES}
       GROUP BY code, day`,
      { length: codeLength, anchor: toClickHouseDateTime(anchor).slice(0, 19), from: toClickHouseDateTime(from).slice(0, 19) },
    );
    const byCode = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const days = byCode.get(row.code) ?? new Map<number, number>();
      days.set(Number(row.day), Number(row.reports));
      byCode.set(row.code, days);
    }
    return [...byCode].map(([code, days]) => ({
      code,
      current: days.get(0) ?? 0,
      baseline: coveredDays.map((day) => days.get(day) ?? 0),
    }));
  }

  /** When each of these reports was accepted by the API (its ticket's arrival), by id. */
  async arrivals(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.rows<{ id: string; accepted_at: string }>(`SELECT id, accepted_at FROM ${REPORTS} WHERE id IN {ids:Array(UUID)}`, { ids });
    return new Map(rows.map((row) => [row.id, fromClickHouseDateTime(row.accepted_at).getTime()]));
  }

  /** The reports with these ids that are stored, oldest first. */
  async reportsByIds(ids: readonly string[]): Promise<AlertReport[]> {
    if (ids.length === 0) return [];
    const rows = await this.rows<{
      id: string;
      grid_code: string;
      category: AlertReport['category'];
      severity: number;
      source: AlertReport['source'];
      reported_at: string;
      description: string;
    }>(
      `SELECT id, grid_code, category, severity, source, reported_at, description FROM ${REPORTS}
       WHERE id IN {ids:Array(UUID)} ORDER BY reported_at, id LIMIT 1 BY id`,
      { ids },
    );
    return rows.map((row) => ({
      id: row.id,
      gridCode: row.grid_code,
      category: row.category,
      severity: Number(row.severity),
      source: row.source,
      reportedAt: fromClickHouseDateTime(row.reported_at).toISOString(),
      description: row.description === '' ? null : row.description,
    }));
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}
