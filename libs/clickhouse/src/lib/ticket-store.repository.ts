import type { ClickHouseClient } from '@clickhouse/client';
import type { TicketEvent, TicketSnapshot } from '@grid-command/contracts';
import { insertSettings } from './insert-settings';
import { DATABASE } from './migration-runner';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';

const TICKETS = `${DATABASE}.tickets`;
const EVENTS = `${DATABASE}.ticket_events`;

export interface TicketRow {
  id: string;
  grid_code: string;
  category: string;
  severity: number;
  reported_at: string;
  version: number;
  state: string;
  state_before_suspension: string;
  department: string;
  dispatch_due_at: string;
  due_at: string | null;
  paused_remaining_minutes: number | null;
  first_dispatched_at: string | null;
  resolved_at: string | null;
  resolved_on_time: boolean | null;
  verified_at: string | null;
  satisfaction: string;
  reopen_count: number;
  suspended_minutes: number;
  last_event_at: string;
}

interface EventRow {
  id: string;
  ticket_id: string;
  seq: number;
  type: string;
  at: string;
  actor: string;
  department: string;
  satisfaction: string;
  note: string;
  state_before: string;
  state_after: string;
  grid_code: string;
}

const toTime = (iso: string): string => toClickHouseDateTime(new Date(iso));
const toNullableTime = (iso: string | null): string | null => (iso === null ? null : toTime(iso));
const fromTime = (text: string): string => fromClickHouseDateTime(text).toISOString();
const fromNullableTime = (text: string | null): string | null => (text === null ? null : fromTime(text));

export function toTicketRow(ticket: TicketSnapshot): TicketRow {
  return {
    id: ticket.id,
    grid_code: ticket.gridCode,
    category: ticket.category,
    severity: ticket.severity,
    reported_at: toTime(ticket.reportedAt),
    version: ticket.version,
    state: ticket.state,
    state_before_suspension: ticket.stateBeforeSuspension ?? '',
    department: ticket.department ?? '',
    dispatch_due_at: toTime(ticket.dispatchDueAt),
    due_at: toNullableTime(ticket.dueAt),
    paused_remaining_minutes: ticket.pausedRemainingMinutes,
    first_dispatched_at: toNullableTime(ticket.firstDispatchedAt),
    resolved_at: toNullableTime(ticket.resolvedAt),
    resolved_on_time: ticket.resolvedOnTime,
    verified_at: toNullableTime(ticket.verifiedAt),
    satisfaction: ticket.satisfaction ?? '',
    reopen_count: ticket.reopenCount,
    suspended_minutes: ticket.suspendedMinutes,
    last_event_at: toTime(ticket.lastEventAt),
  };
}

export function fromTicketRow(row: TicketRow): TicketSnapshot {
  return {
    id: row.id,
    gridCode: row.grid_code,
    category: row.category as TicketSnapshot['category'],
    severity: Number(row.severity),
    reportedAt: fromTime(row.reported_at),
    version: Number(row.version),
    state: row.state as TicketSnapshot['state'],
    stateBeforeSuspension: row.state_before_suspension === '' ? null : (row.state_before_suspension as TicketSnapshot['state']),
    department: row.department === '' ? null : row.department,
    dispatchDueAt: fromTime(row.dispatch_due_at),
    dueAt: fromNullableTime(row.due_at),
    pausedRemainingMinutes: row.paused_remaining_minutes === null ? null : Number(row.paused_remaining_minutes),
    firstDispatchedAt: fromNullableTime(row.first_dispatched_at),
    resolvedAt: fromNullableTime(row.resolved_at),
    resolvedOnTime: row.resolved_on_time,
    verifiedAt: fromNullableTime(row.verified_at),
    satisfaction: row.satisfaction === '' ? null : (row.satisfaction as TicketSnapshot['satisfaction']),
    reopenCount: Number(row.reopen_count),
    suspendedMinutes: Number(row.suspended_minutes),
    lastEventAt: fromTime(row.last_event_at),
  };
}

export interface StoredTicketEvent {
  readonly event: TicketEvent;
  /** The ticket after the event. */
  readonly ticket: TicketSnapshot;
}

/**
 * Ticket versions and events in ClickHouse. Both tables keep the highest version of a key, so storing the same
 * event twice (a retried job, an outbox replayed after a crash) changes nothing that a FINAL read sees.
 */
export class TicketStore {
  constructor(private readonly client: ClickHouseClient) {}

  async insertEvents(batchId: string, stored: readonly StoredTicketEvent[]): Promise<void> {
    if (stored.length === 0) return;
    await this.client.insert({
      table: EVENTS,
      values: stored.map(({ event, ticket }): EventRow => ({
        id: event.id,
        ticket_id: event.ticketId,
        seq: event.seq,
        type: event.type,
        at: toTime(event.at),
        actor: event.actor,
        department: event.department ?? '',
        satisfaction: event.satisfaction ?? '',
        note: event.note ?? '',
        state_before: event.stateBefore,
        state_after: event.stateAfter,
        grid_code: ticket.gridCode,
      })),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(`${batchId}:events`),
    });
    await this.insertVersions(`${batchId}:versions`, stored.map(({ ticket }) => ticket));
  }

  async insertVersions(token: string, tickets: readonly TicketSnapshot[]): Promise<void> {
    if (tickets.length === 0) return;
    await this.client.insert({
      table: TICKETS,
      values: tickets.map(toTicketRow),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(token),
    });
  }

  /** The latest stored version of a ticket, or null when its report is not stored. */
  async findTicket(id: string): Promise<TicketSnapshot | null> {
    return (await this.findTickets([id])).get(id) ?? null;
  }

  /** The latest stored versions of several tickets in one query, keyed by id; ids not stored are absent. */
  async findTickets(ids: readonly string[]): Promise<Map<string, TicketSnapshot>> {
    if (ids.length === 0) return new Map();
    const rows = await this.rows<TicketRow>(`SELECT * FROM ${TICKETS} FINAL WHERE id IN {ids:Array(UUID)}`, { ids });
    return new Map(rows.map((row) => [row.id, fromTicketRow(row)]));
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.rows<EventRow>(`SELECT * FROM ${EVENTS} FINAL WHERE ticket_id = {id:UUID} ORDER BY seq`, { id: ticketId });
    return rows.map((row) => ({
      id: row.id,
      ticketId: row.ticket_id,
      seq: Number(row.seq),
      type: row.type as TicketEvent['type'],
      at: fromTime(row.at),
      actor: row.actor,
      department: row.department === '' ? null : row.department,
      satisfaction: row.satisfaction === '' ? null : (row.satisfaction as TicketEvent['satisfaction']),
      note: row.note === '' ? null : row.note,
      stateBefore: row.state_before as TicketEvent['stateBefore'],
      stateAfter: row.state_after as TicketEvent['stateAfter'],
    }));
  }

  /** Every ticket's latest version under a grid-code prefix: what the KPI recomputation test reads back. */
  async ticketsUnder(codePrefix: string): Promise<TicketSnapshot[]> {
    const rows = await this.rows<TicketRow>(`SELECT * FROM ${TICKETS} FINAL WHERE startsWith(grid_code, {prefix:String}) ORDER BY id`, {
      prefix: codePrefix,
    });
    return rows.map(fromTicketRow);
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}
