import type { ClickHouseClient } from '@clickhouse/client';
import type { OverdueTicket } from '@grid-command/contracts';
import { OPEN_TICKET_STATES, RESOLVE_BUCKET_BOUNDS_MINUTES, type KpiRange, type WorkflowTallies } from '@grid-command/domain';
import { DATABASE } from './migration-runner';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';

const TICKETS = `${DATABASE}.tickets`;
const TICKET_VERSIONS = `${DATABASE}.ticket_versions`;

/** The conditions of the KPI definitions in libs/domain (workflow-kpis.ts), written once for every query here. */
const IN_RANGE = (column: string): string => `(${column} >= {from:DateTime64(3, 'UTC')} AND ${column} < {to:DateTime64(3, 'UTC')})`;
const CLOSED = `state IN ('resolved', 'verified')`;
const REPORTED = IN_RANGE('reported_at');
const DISPATCHED = IN_RANGE('first_dispatched_at');
const RESOLVED = `(${CLOSED} AND ${IN_RANGE('resolved_at')})`;
const VERIFIED = `(state = 'verified' AND ${IN_RANGE('verified_at')})`;
const EVER_RESOLVED = `(${REPORTED} AND (${CLOSED} OR reopen_count > 0))`;
const OVERDUE = `(state IN {openStates:Array(String)} AND due_at < {now:DateTime64(3, 'UTC')})`;
const MINUTES = (column: string): string => `dateDiff('millisecond', reported_at, assumeNotNull(${column})) / 60000`;

interface TallyRow {
  reported: string;
  dispatched: string;
  resolved: string;
  closed_of_reported: string;
  resolved_on_time: string;
  verified: string;
  satisfied: string;
  ever_resolved: string;
  reopened: string;
  dispatch_median: number;
  dispatch_p90: number;
  resolve_median: number;
  resolve_p90: number;
}

interface UnitRow {
  unit: string;
  reported: string;
  closed: string;
  resolved: string;
  overdue: string;
}

interface OverdueRow {
  id: string;
  grid_code: string;
  category: OverdueTicket['category'];
  severity: number;
  state: OverdueTicket['state'];
  department: string;
  reported_at: string;
  due_at: string;
}

export interface UnitTallyRow {
  readonly unitCode: string;
  readonly reported: number;
  readonly closed: number;
  readonly resolved: number;
  readonly overdueNow: number;
}

export type OverdueTicketRow = Omit<OverdueTicket, 'communityName' | 'overdueMinutes'>;

/**
 * Every ticket of the scope as it stood at `{asOf}`: its highest version whose event had happened by then, from the
 * table that keeps every version (migration 007). Each version carries the time of the event that made it
 * (`last_event_at`, the report's time for version 0), and a ticket's events never go back in time, so this is the
 * ticket exactly as the KPIs saw it at that moment.
 */
const TICKETS_AS_OF = `(
  SELECT * FROM ${TICKET_VERSIONS}
  WHERE startsWith(grid_code, {prefix:String}) AND last_event_at <= {asOf:DateTime64(3, 'UTC')}
  ORDER BY id, version DESC
  LIMIT 1 BY id
)`;

/**
 * The governance KPIs of a scope (a grid-code prefix), computed in ClickHouse over every ticket's latest version,
 * or (`asOf`) over every ticket's version as it stood at that instant.
 */
export class WorkflowKpiRepository {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly asOfInstant: Date | null = null,
  ) {}

  /** The same figures over the tickets as they stood at `instant`: a replay of the wall at that moment. */
  asOf(instant: Date): WorkflowKpiRepository {
    return new WorkflowKpiRepository(this.client, instant);
  }

  /** The tickets the figures read: the latest versions, or the versions of `asOf`. */
  private get source(): string {
    return this.asOfInstant === null ? `${TICKETS} FINAL` : TICKETS_AS_OF;
  }

  async tallies(codePrefix: string, range: KpiRange): Promise<WorkflowTallies> {
    const [row] = await this.rows<TallyRow>(
      `SELECT
         countIf(${REPORTED}) AS reported,
         countIf(${DISPATCHED}) AS dispatched,
         countIf(${RESOLVED}) AS resolved,
         countIf(${REPORTED} AND ${CLOSED}) AS closed_of_reported,
         countIf(${RESOLVED} AND resolved_on_time) AS resolved_on_time,
         countIf(${VERIFIED}) AS verified,
         countIf(${VERIFIED} AND satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied,
         countIf(${EVER_RESOLVED}) AS ever_resolved,
         countIf(${EVER_RESOLVED} AND reopen_count > 0) AS reopened,
         quantileExactIf(0.5)(${MINUTES('first_dispatched_at')}, ${DISPATCHED}) AS dispatch_median,
         quantileExactIf(0.9)(${MINUTES('first_dispatched_at')}, ${DISPATCHED}) AS dispatch_p90,
         quantileExactIf(0.5)(${MINUTES('resolved_at')}, ${RESOLVED}) AS resolve_median,
         quantileExactIf(0.9)(${MINUTES('resolved_at')}, ${RESOLVED}) AS resolve_p90
       FROM ${this.source}
       WHERE startsWith(grid_code, {prefix:String})`,
      { prefix: codePrefix, ...rangeParams(range) },
    );
    const count = (value: string | undefined): number => Number(value ?? 0);
    const dispatched = count(row?.dispatched);
    const resolved = count(row?.resolved);
    return {
      reported: count(row?.reported),
      dispatched,
      resolved,
      closedOfReported: count(row?.closed_of_reported),
      resolvedOnTime: count(row?.resolved_on_time),
      verified: count(row?.verified),
      satisfied: count(row?.satisfied),
      everResolved: count(row?.ever_resolved),
      reopened: count(row?.reopened),
      // quantileExact of nothing is 0, not null.
      timeToDispatch: { count: dispatched, medianMinutes: dispatched ? Number(row?.dispatch_median) : null, p90Minutes: dispatched ? Number(row?.dispatch_p90) : null },
      timeToResolve: { count: resolved, medianMinutes: resolved ? Number(row?.resolve_median) : null, p90Minutes: resolved ? Number(row?.resolve_p90) : null },
    };
  }

  /** Tallies per child unit (the first `unitCodeLength` digits of the grid code): what rankings are built from. */
  async unitTallies(codePrefix: string, unitCodeLength: number, range: KpiRange, now: Date): Promise<UnitTallyRow[]> {
    const rows = await this.rows<UnitRow>(
      `SELECT
         substring(grid_code, 1, {unitLength:UInt8}) AS unit,
         countIf(${REPORTED}) AS reported,
         countIf(${REPORTED} AND ${CLOSED}) AS closed,
         countIf(${RESOLVED}) AS resolved,
         countIf(${OVERDUE}) AS overdue
       FROM ${this.source}
       WHERE startsWith(grid_code, {prefix:String})
       GROUP BY unit
       ORDER BY unit`,
      { prefix: codePrefix, unitLength: unitCodeLength, ...rangeParams(range), ...overdueParams(now) },
    );
    return rows.map((row) => ({
      unitCode: row.unit,
      reported: Number(row.reported),
      closed: Number(row.closed),
      resolved: Number(row.resolved),
      overdueNow: Number(row.overdue),
    }));
  }

  /** When the stored history begins: a comparison with a range before it would set real figures against a gap. */
  async historyStart(): Promise<Date | null> {
    const [row] = await this.rows<{ tickets: string; earliest: string }>(
      `SELECT count() AS tickets, toString(min(reported_at)) AS earliest FROM ${TICKETS}`,
      {},
    );
    return row && Number(row.tickets) > 0 ? fromClickHouseDateTime(row.earliest) : null;
  }

  async overdueCount(codePrefix: string, now: Date): Promise<number> {
    const [row] = await this.rows<{ overdue: string }>(
      `SELECT countIf(${OVERDUE}) AS overdue FROM ${this.source} WHERE startsWith(grid_code, {prefix:String})`,
      { prefix: codePrefix, ...overdueParams(now) },
    );
    return Number(row?.overdue ?? 0);
  }

  /** Overdue tickets, the longest overdue first. */
  async overdueTickets(codePrefix: string, now: Date, limit: number): Promise<OverdueTicketRow[]> {
    const rows = await this.rows<OverdueRow>(
      `SELECT id, grid_code, category, severity, state, department, reported_at, assumeNotNull(due_at) AS due_at
       FROM ${this.source}
       WHERE startsWith(grid_code, {prefix:String}) AND ${OVERDUE}
       ORDER BY due_at ASC, id ASC
       LIMIT {limit:UInt32}`,
      { prefix: codePrefix, limit, ...overdueParams(now) },
    );
    return rows.map((row) => ({
      id: row.id,
      gridCode: row.grid_code,
      category: row.category,
      severity: Number(row.severity),
      state: row.state,
      department: row.department === '' ? null : row.department,
      reportedAt: fromClickHouseDateTime(row.reported_at).toISOString(),
      dueAt: fromClickHouseDateTime(row.due_at).toISOString(),
    }));
  }

  /** Tickets resolved in the range per bucket of time to resolve (bounds from libs/domain). */
  async resolveDistribution(codePrefix: string, range: KpiRange): Promise<number[]> {
    const rows = await this.rows<{ bucket: number; tickets: string }>(
      `SELECT greatest(1, arrayCount(bound -> ${MINUTES('resolved_at')} >= bound, {bounds:Array(Float64)})) AS bucket, count() AS tickets
       FROM ${this.source}
       WHERE startsWith(grid_code, {prefix:String}) AND ${RESOLVED}
       GROUP BY bucket`,
      { prefix: codePrefix, bounds: RESOLVE_BUCKET_BOUNDS_MINUTES, ...rangeParams(range) },
    );
    const counts = RESOLVE_BUCKET_BOUNDS_MINUTES.map(() => 0);
    for (const row of rows) counts[Number(row.bucket) - 1] = Number(row.tickets);
    return counts;
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const asOf = this.asOfInstant === null ? {} : { asOf: toClickHouseDateTime(this.asOfInstant) };
    const result = await this.client.query({ query, query_params: { ...params, ...asOf }, format: 'JSONEachRow' });
    return result.json<T>();
  }
}

function rangeParams(range: KpiRange): Record<string, string> {
  return { from: toClickHouseDateTime(range.from), to: toClickHouseDateTime(range.to) };
}

function overdueParams(now: Date): Record<string, unknown> {
  return { now: toClickHouseDateTime(now), openStates: [...OPEN_TICKET_STATES] };
}
