import { describe, expect, it } from '@jest/globals';
import { ticketHistoryKey } from './ticket-history-key';

const TICKET = '11111111-1111-4111-8111-111111111111';

describe('ticketHistoryKey', () => {
  it('loads again when the answer of a dispatch arrives after its notice, at the same alert version', () => {
    const shown = ticketHistoryKey(TICKET, 1, 0);
    // The alertUpdated of the dispatch (version 2) arrives first: the history loaded now predates the dispatch.
    const onNotice = ticketHistoryKey(TICKET, 2, 0);
    // Then the action's answer, also version 2: the dispatch is written to the ticket by now.
    const onAnswer = ticketHistoryKey(TICKET, 2, 1);
    expect(new Set([shown, onNotice, onAnswer]).size).toBe(3);
  });

  it('loads again on another console\'s change (a new version) and for another ticket', () => {
    expect(ticketHistoryKey(TICKET, 3, 1)).not.toBe(ticketHistoryKey(TICKET, 2, 1));
    expect(ticketHistoryKey('22222222-2222-4222-8222-222222222222', 2, 1)).not.toBe(ticketHistoryKey(TICKET, 2, 1));
  });

  it('keeps the load while nothing changed', () => {
    expect(ticketHistoryKey(TICKET, 2, 1)).toBe(ticketHistoryKey(TICKET, 2, 1));
  });
});
