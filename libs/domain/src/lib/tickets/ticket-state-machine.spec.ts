import { TICKET_EVENT_TYPES, TICKET_STATES, type TicketEventType, type TicketState } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { allowedTicketEvents, nextTicketState } from './ticket-state-machine';

/** The workflow written out by hand, independently of the table in the code: state → event → next state. */
const EXPECTED: Record<Exclude<TicketState, 'suspended'>, Partial<Record<TicketEventType, TicketState>>> = {
  reported: { dispatched: 'dispatched', escalated: 'escalated' },
  dispatched: { dispatched: 'dispatched', accepted: 'accepted', escalated: 'escalated', suspended: 'suspended' },
  accepted: { resolved: 'resolved', escalated: 'escalated', suspended: 'suspended' },
  escalated: { dispatched: 'dispatched', accepted: 'accepted', suspended: 'suspended' },
  resolved: { verified: 'verified', reopened: 'reopened' },
  verified: { reopened: 'reopened' },
  reopened: { dispatched: 'dispatched', accepted: 'accepted', escalated: 'escalated' },
};

describe('nextTicketState', () => {
  for (const [state, legal] of Object.entries(EXPECTED) as Array<[TicketState, Partial<Record<TicketEventType, TicketState>>]>) {
    for (const event of TICKET_EVENT_TYPES) {
      const expected = legal[event];
      it(`${state} + ${event} → ${expected ?? '409'}`, () => {
        expect(nextTicketState(state, event, null)).toEqual(expected ? { legal: true, to: expected } : { legal: false });
      });
    }
  }

  for (const before of ['dispatched', 'accepted', 'escalated'] as const) {
    it(`suspended (from ${before}) resumes to ${before} and accepts nothing else`, () => {
      expect(nextTicketState('suspended', 'resumed', before)).toEqual({ legal: true, to: before });
      for (const event of TICKET_EVENT_TYPES.filter((type) => type !== 'resumed')) {
        expect(nextTicketState('suspended', event, before)).toEqual({ legal: false });
      }
    });
  }

  it('a suspended ticket that lost the state it came from cannot resume', () => {
    expect(nextTicketState('suspended', 'resumed', null)).toEqual({ legal: false });
  });

  it('lists what each state accepts', () => {
    expect(allowedTicketEvents('suspended')).toEqual(['resumed']);
    expect(allowedTicketEvents('verified')).toEqual(['reopened']);
    for (const state of TICKET_STATES) expect(allowedTicketEvents(state).length).toBeGreaterThan(0);
  });
});
