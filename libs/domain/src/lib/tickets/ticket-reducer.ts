import type {
  ReportCategory,
  SlaPolicy,
  AttributedTicketEvent,
  TicketEvent,
  TicketEventInput,
  TicketSnapshot,
  TicketState,
} from '@grid-command/contracts';
import { resolutionLimit } from '../sla/sla-policy';
import type { WorkingTime } from '../sla/working-time';
import { allowedTicketEvents, nextTicketState } from './ticket-state-machine';

export interface TicketRules {
  readonly policy: SlaPolicy;
  readonly workingTime: WorkingTime;
}

export interface ReportedTicket {
  readonly id: string;
  readonly gridCode: string;
  readonly category: ReportCategory;
  readonly severity: number;
  readonly reportedAt: string;
}

const MINUTE_MS = 60_000;
const iso = (instant: Date): string => instant.toISOString();

/** A ticket as it stands when reported: both clocks start at the report. */
export function openTicket(report: ReportedTicket, rules: TicketRules): TicketSnapshot {
  const reportedAt = new Date(report.reportedAt);
  return {
    id: report.id,
    gridCode: report.gridCode,
    category: report.category,
    severity: report.severity,
    reportedAt: iso(reportedAt),
    version: 0,
    state: 'reported',
    stateBeforeSuspension: null,
    department: null,
    dispatchDueAt: iso(rules.workingTime.deadline(reportedAt, rules.policy.dispatch)),
    dueAt: iso(rules.workingTime.deadline(reportedAt, resolutionLimit(rules.policy, report.category, report.severity))),
    pausedRemainingMinutes: null,
    firstDispatchedAt: null,
    resolvedAt: null,
    resolvedOnTime: null,
    verifiedAt: null,
    satisfaction: null,
    reopenCount: 0,
    suspendedMinutes: 0,
    lastEventAt: iso(reportedAt),
  };
}

export type TicketEventOutcome =
  | { readonly kind: 'applied'; readonly ticket: TicketSnapshot; readonly event: TicketEvent }
  | { readonly kind: 'illegal_transition'; readonly currentState: TicketState; readonly message: string }
  | { readonly kind: 'invalid_event'; readonly path: string; readonly message: string };

/**
 * Applies one event to a ticket. Pure: the caller supplies the event id and persists the result atomically.
 * `at` may not precede the ticket's latest event (history is in order) nor lie after `latestAllowed`.
 */
export function applyTicketEvent(
  ticket: TicketSnapshot,
  input: AttributedTicketEvent,
  eventId: string,
  latestAllowed: Date,
  rules: TicketRules,
): TicketEventOutcome {
  const at = new Date(input.at);
  if (at.getTime() < Date.parse(ticket.lastEventAt)) {
    return { kind: 'invalid_event', path: 'at', message: `is before the ticket's latest event (${ticket.lastEventAt})` };
  }
  if (at > latestAllowed) return { kind: 'invalid_event', path: 'at', message: 'is in the future' };

  const transition = nextTicketState(ticket.state, input.type, ticket.stateBeforeSuspension);
  if (!transition.legal) {
    const allowed = allowedTicketEvents(ticket.state);
    return {
      kind: 'illegal_transition',
      currentState: ticket.state,
      message: `a ${ticket.state} ticket cannot be ${input.type}; it accepts ${allowed.length > 0 ? allowed.join(', ') : 'no event'}`,
    };
  }

  const next: TicketSnapshot = { ...ticket, state: transition.to, version: ticket.version + 1, lastEventAt: iso(at) };
  const limit = resolutionLimit(rules.policy, ticket.category, ticket.severity);
  switch (input.type) {
    case 'dispatched':
      next.department = input.department ?? null;
      next.firstDispatchedAt = ticket.firstDispatchedAt ?? iso(at);
      break;
    case 'escalated':
      next.department = input.department ?? null;
      break;
    case 'accepted':
      break;
    case 'resolved':
      next.resolvedAt = iso(at);
      next.resolvedOnTime = ticket.dueAt !== null && at.getTime() <= Date.parse(ticket.dueAt);
      break;
    case 'verified':
      next.verifiedAt = iso(at);
      next.satisfaction = input.satisfaction ?? null;
      break;
    case 'reopened':
      // Reworking starts a fresh resolution clock.
      next.reopenCount = ticket.reopenCount + 1;
      next.resolvedAt = null;
      next.resolvedOnTime = null;
      next.verifiedAt = null;
      next.satisfaction = null;
      next.dueAt = iso(rules.workingTime.deadline(at, limit));
      break;
    case 'suspended':
      next.stateBeforeSuspension = ticket.state;
      next.pausedRemainingMinutes = ticket.dueAt === null ? 0 : rules.workingTime.minutesLeft(at, new Date(ticket.dueAt), limit.clock);
      next.dueAt = null;
      break;
    case 'resumed':
      next.stateBeforeSuspension = null;
      next.dueAt = iso(rules.workingTime.addMinutes(at, ticket.pausedRemainingMinutes ?? 0, limit.clock));
      next.pausedRemainingMinutes = null;
      next.suspendedMinutes = ticket.suspendedMinutes + (at.getTime() - Date.parse(ticket.lastEventAt)) / MINUTE_MS;
      break;
  }

  const event: TicketEvent = {
    id: eventId,
    ticketId: ticket.id,
    seq: next.version,
    type: input.type,
    at: iso(at),
    actor: input.actor,
    department: input.department ?? null,
    satisfaction: input.satisfaction ?? null,
    note: input.note ?? null,
    stateBefore: ticket.state,
    stateAfter: next.state,
  };
  return { kind: 'applied', ticket: next, event };
}

/** The recorded event that `input` repeats: same type at the same instant (the idempotency key). */
export function findRecordedEvent(history: readonly TicketEvent[], input: Pick<TicketEventInput, 'type' | 'at'>): TicketEvent | undefined {
  const at = Date.parse(input.at);
  return history.find((event) => event.type === input.type && Date.parse(event.at) === at);
}
