import type { DurationBucket, DurationStats, TicketSnapshot, WorkflowFigures } from '@grid-command/contracts';
import { CLOSED_TICKET_STATES, OPEN_TICKET_STATES } from '../tickets/ticket-state-machine';
import { quantileExact } from './quantile';

/**
 * The governance KPIs, defined once. ClickHouse computes the same figures in SQL (libs/clickhouse
 * workflow-kpis.repository); a test recomputes them with these functions on generated tickets, to the exact count.
 *
 * Over a range [from, to), given every ticket's current state:
 * - 受理量 reported: reported in the range.
 * - 派单量 dispatched: first dispatched in the range.
 * - 办结量 resolved: resolved now (resolved or verified), with its latest resolution in the range.
 * - 办结率 closingRate: of the tickets reported in the range, the share resolved now.
 * - 按期办结率 onTimeRate: of the resolved, the share resolved by the deadline that applied then.
 * - 满意率 satisfactionRate: of the tickets verified in the range, the share satisfied or basically satisfied.
 * - 重办率 reopenRate: of the tickets reported in the range that were ever resolved, the share reopened at least once.
 * - 响应时长 timeToDispatch: reported → first dispatch, over the tickets first dispatched in the range.
 * - 办结时长 timeToResolve: reported → latest resolution, over the tickets resolved in the range (wall-clock minutes).
 * - 超期 overdue now: in an open state (not resolved, verified or suspended) with its resolution deadline passed.
 */
export interface KpiRange {
  readonly from: Date;
  readonly to: Date;
}

export const RESOLVE_BUCKET_BOUNDS_MINUTES: readonly number[] = [0, 60, 240, 1_440, 4_320, 10_080];

const MINUTE_MS = 60_000;
const closed = new Set<string>(CLOSED_TICKET_STATES);
const open = new Set<string>(OPEN_TICKET_STATES);
const SATISFIED = new Set<string>(['satisfied', 'basically_satisfied']);

function within(instant: string | null, range: KpiRange): boolean {
  if (instant === null) return false;
  const time = Date.parse(instant);
  return time >= range.from.getTime() && time < range.to.getTime();
}

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / MINUTE_MS;
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function durationStats(minutes: readonly number[]): DurationStats {
  return { count: minutes.length, medianMinutes: quantileExact(minutes, 0.5), p90Minutes: quantileExact(minutes, 0.9) };
}

export function isResolvedIn(ticket: TicketSnapshot, range: KpiRange): boolean {
  return closed.has(ticket.state) && within(ticket.resolvedAt, range);
}

/** The counts every workflow figure is a ratio of; ClickHouse returns these, so the ratios are formed in one place. */
export interface WorkflowTallies {
  readonly reported: number;
  readonly dispatched: number;
  readonly resolved: number;
  readonly closedOfReported: number;
  readonly resolvedOnTime: number;
  readonly verified: number;
  readonly satisfied: number;
  readonly everResolved: number;
  readonly reopened: number;
  readonly timeToDispatch: DurationStats;
  readonly timeToResolve: DurationStats;
}

export function figuresFromTallies(tallies: WorkflowTallies): WorkflowFigures {
  return {
    reported: tallies.reported,
    dispatched: tallies.dispatched,
    resolved: tallies.resolved,
    closingRate: rate(tallies.closedOfReported, tallies.reported),
    resolvedOnTime: tallies.resolvedOnTime,
    onTimeRate: rate(tallies.resolvedOnTime, tallies.resolved),
    verified: tallies.verified,
    satisfied: tallies.satisfied,
    satisfactionRate: rate(tallies.satisfied, tallies.verified),
    reopened: tallies.reopened,
    reopenRate: rate(tallies.reopened, tallies.everResolved),
    timeToDispatch: tallies.timeToDispatch,
    timeToResolve: tallies.timeToResolve,
  };
}

/** The tallies of a range, straight from the definitions above: the reference the ClickHouse queries are checked against. */
export function workflowTallies(tickets: readonly TicketSnapshot[], range: KpiRange): WorkflowTallies {
  const reportedIn = tickets.filter((ticket) => within(ticket.reportedAt, range));
  const dispatchedIn = tickets.filter((ticket) => within(ticket.firstDispatchedAt, range));
  const resolvedIn = tickets.filter((ticket) => isResolvedIn(ticket, range));
  const verifiedIn = tickets.filter((ticket) => ticket.state === 'verified' && within(ticket.verifiedAt, range));
  const everResolved = reportedIn.filter((ticket) => closed.has(ticket.state) || ticket.reopenCount > 0);
  return {
    reported: reportedIn.length,
    dispatched: dispatchedIn.length,
    resolved: resolvedIn.length,
    closedOfReported: reportedIn.filter((ticket) => closed.has(ticket.state)).length,
    resolvedOnTime: resolvedIn.filter((ticket) => ticket.resolvedOnTime === true).length,
    verified: verifiedIn.length,
    satisfied: verifiedIn.filter((ticket) => ticket.satisfaction !== null && SATISFIED.has(ticket.satisfaction)).length,
    everResolved: everResolved.length,
    reopened: everResolved.filter((ticket) => ticket.reopenCount > 0).length,
    timeToDispatch: durationStats(dispatchedIn.map((ticket) => minutesBetween(ticket.reportedAt, ticket.firstDispatchedAt as string))),
    timeToResolve: durationStats(resolvedIn.map((ticket) => minutesBetween(ticket.reportedAt, ticket.resolvedAt as string))),
  };
}

export function workflowFigures(tickets: readonly TicketSnapshot[], range: KpiRange): WorkflowFigures {
  return figuresFromTallies(workflowTallies(tickets, range));
}

export function isOverdue(ticket: TicketSnapshot, now: Date): boolean {
  return open.has(ticket.state) && ticket.dueAt !== null && Date.parse(ticket.dueAt) < now.getTime();
}

/** How many tickets resolved in the range took each span of time; the last bucket is open-ended. */
export function resolveDistribution(tickets: readonly TicketSnapshot[], range: KpiRange): DurationBucket[] {
  const bounds = RESOLVE_BUCKET_BOUNDS_MINUTES;
  const buckets: DurationBucket[] = bounds.map((fromMinutes, index) => ({ fromMinutes, toMinutes: bounds[index + 1] ?? null, tickets: 0 }));
  for (const ticket of tickets) {
    if (!isResolvedIn(ticket, range)) continue;
    const minutes = minutesBetween(ticket.reportedAt, ticket.resolvedAt as string);
    const index = bounds.findLastIndex((bound) => minutes >= bound);
    const bucket = buckets[Math.max(0, index)] as DurationBucket;
    bucket.tickets += 1;
  }
  return buckets;
}
