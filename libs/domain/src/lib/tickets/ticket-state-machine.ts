import type { TicketEventType, TicketState } from '@grid-command/contracts';

/**
 * Which event each state accepts and where it leads. 吹哨 (escalated) can come from any unresolved state;
 * departments report (签收, accepted) or the ticket is re-dispatched. A reopened ticket goes back to work.
 * `resumed` is absent: it returns a suspended ticket to the state it was suspended from.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketState, Partial<Record<TicketEventType, TicketState>>>> = {
  reported: { dispatched: 'dispatched', escalated: 'escalated' },
  dispatched: { dispatched: 'dispatched', accepted: 'accepted', escalated: 'escalated', suspended: 'suspended' },
  accepted: { resolved: 'resolved', escalated: 'escalated', suspended: 'suspended' },
  escalated: { dispatched: 'dispatched', accepted: 'accepted', suspended: 'suspended' },
  suspended: {},
  resolved: { verified: 'verified', reopened: 'reopened' },
  verified: { reopened: 'reopened' },
  reopened: { dispatched: 'dispatched', accepted: 'accepted', escalated: 'escalated' },
};

/** States whose resolution clock runs: the ticket is waiting for someone to solve it. */
export const OPEN_TICKET_STATES: readonly TicketState[] = ['reported', 'dispatched', 'accepted', 'escalated', 'reopened'];
export const CLOSED_TICKET_STATES: readonly TicketState[] = ['resolved', 'verified'];

export type TransitionResult = { readonly legal: true; readonly to: TicketState } | { readonly legal: false };

/** Where `event` takes a ticket in `state`; a suspended ticket resumes to `stateBeforeSuspension`. */
export function nextTicketState(state: TicketState, event: TicketEventType, stateBeforeSuspension: TicketState | null): TransitionResult {
  if (state === 'suspended') {
    return event === 'resumed' && stateBeforeSuspension !== null ? { legal: true, to: stateBeforeSuspension } : { legal: false };
  }
  const to = TICKET_TRANSITIONS[state][event];
  return to === undefined ? { legal: false } : { legal: true, to };
}

/** The events a ticket in `state` accepts, for error messages and screens. */
export function allowedTicketEvents(state: TicketState): TicketEventType[] {
  return state === 'suspended' ? ['resumed'] : (Object.keys(TICKET_TRANSITIONS[state]) as TicketEventType[]);
}
