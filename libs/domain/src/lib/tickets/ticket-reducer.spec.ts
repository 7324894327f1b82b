import type { AttributedTicketEvent, TicketSnapshot } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { ticketTestRules } from '../../testing/ticket-rules';
import { applyTicketEvent, findRecordedEvent, openTicket, type TicketEventOutcome } from './ticket-reducer';

const rules = ticketTestRules();
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const at = (local: string): string => new Date(`${local}+08:00`).toISOString();

const reported = (severity = 1, category: TicketSnapshot['category'] = 'environment_sanitation'): TicketSnapshot =>
  openTicket(
    { id: '00000000-0000-4000-8000-000000000001', gridCode: '450103001001001', category, severity, reportedAt: at('2026-11-25T10:00:00') },
    rules,
  );

function apply(ticket: TicketSnapshot, input: AttributedTicketEvent): TicketSnapshot {
  const outcome = applyTicketEvent(ticket, input, `event-${ticket.version + 1}`, FAR_FUTURE, rules);
  if (outcome.kind !== 'applied') throw new Error(`${input.type} was refused: ${outcome.message}`);
  return outcome.ticket;
}

const event = (type: AttributedTicketEvent['type'], local: string, extra: Partial<AttributedTicketEvent> = {}): AttributedTicketEvent => ({
  type,
  at: at(local),
  actor: 'tester',
  ...extra,
});

describe('openTicket', () => {
  it('starts the dispatch clock in calendar minutes and the resolution clock in office time', () => {
    const ticket = reported();
    expect(ticket.state).toBe('reported');
    expect(ticket.version).toBe(0);
    expect(ticket.dispatchDueAt).toBe(at('2026-11-25T10:30:00'));
    // Wed 10:00 + 2,100 office minutes (5 days of 7 h) = next Wed 10:00.
    expect(ticket.dueAt).toBe(at('2026-12-02T10:00:00'));
  });

  it('applies a category override and calendar limits for emergencies', () => {
    expect(reported(1, 'noise').dueAt).toBe(at('2026-11-26T10:00:00'));
    expect(reported(4).dueAt).toBe(at('2026-11-25T14:00:00'));
  });
});

describe('applyTicketEvent', () => {
  it('plays the whole 报单 → 派单 → 签收 → 办结 → 验单 life', () => {
    let ticket = reported();
    ticket = apply(ticket, event('dispatched', '2026-11-25T10:10:00', { department: '城管执法局' }));
    ticket = apply(ticket, event('accepted', '2026-11-25T10:20:00'));
    ticket = apply(ticket, event('resolved', '2026-11-26T16:00:00'));
    ticket = apply(ticket, event('verified', '2026-11-26T18:00:00', { satisfaction: 'basically_satisfied' }));
    expect(ticket).toMatchObject({
      state: 'verified',
      version: 4,
      department: '城管执法局',
      firstDispatchedAt: at('2026-11-25T10:10:00'),
      resolvedAt: at('2026-11-26T16:00:00'),
      resolvedOnTime: true,
      verifiedAt: at('2026-11-26T18:00:00'),
      satisfaction: 'basically_satisfied',
      lastEventAt: at('2026-11-26T18:00:00'),
    });
  });

  it('marks a resolution after the deadline as late', () => {
    let ticket = reported(4);
    ticket = apply(ticket, event('dispatched', '2026-11-25T10:05:00', { department: '燃气公司' }));
    ticket = apply(ticket, event('accepted', '2026-11-25T10:06:00'));
    ticket = apply(ticket, event('resolved', '2026-11-25T14:00:01'));
    expect(ticket.resolvedOnTime).toBe(false);
  });

  it('pauses the clock while suspended (挂起) and moves the deadline by the pause', () => {
    let ticket = reported();
    ticket = apply(ticket, event('dispatched', '2026-11-25T10:10:00', { department: '住建局' }));
    // Suspended Wed 11:00 with 2,040 office minutes left; resumed Mon 30th 09:00.
    ticket = apply(ticket, event('suspended', '2026-11-25T11:00:00', { note: '等待产权单位答复' }));
    expect(ticket).toMatchObject({ state: 'suspended', stateBeforeSuspension: 'dispatched', dueAt: null, pausedRemainingMinutes: 2040 });
    ticket = apply(ticket, event('resumed', '2026-11-30T09:00:00'));
    expect(ticket.state).toBe('dispatched');
    expect(ticket.stateBeforeSuspension).toBeNull();
    expect(ticket.pausedRemainingMinutes).toBeNull();
    // 2,040 office minutes from Mon 09:00 = 4 days 6 h → Fri 4 Dec 16:30.
    expect(ticket.dueAt).toBe(at('2026-12-04T16:30:00'));
    expect(ticket.suspendedMinutes).toBe((Date.parse(at('2026-11-30T09:00:00')) - Date.parse(at('2026-11-25T11:00:00'))) / 60_000);
  });

  it('reopens with a fresh resolution clock and forgets the rejected resolution', () => {
    let ticket = reported();
    ticket = apply(ticket, event('dispatched', '2026-11-25T10:10:00', { department: '物业' }));
    ticket = apply(ticket, event('accepted', '2026-11-25T10:20:00'));
    ticket = apply(ticket, event('resolved', '2026-11-25T15:00:00'));
    ticket = apply(ticket, event('reopened', '2026-11-25T16:00:00', { note: '居民反映未解决' }));
    expect(ticket).toMatchObject({ state: 'reopened', reopenCount: 1, resolvedAt: null, resolvedOnTime: null, dueAt: at('2026-12-02T16:00:00') });
    ticket = apply(ticket, event('dispatched', '2026-11-26T09:00:00', { department: '住建局' }));
    expect(ticket.firstDispatchedAt).toBe(at('2026-11-25T10:10:00'));
    expect(ticket.department).toBe('住建局');
  });

  it('escalation (吹哨) hands the ticket to the department that must report', () => {
    let ticket = reported();
    ticket = apply(ticket, event('escalated', '2026-11-25T10:15:00', { department: '公安分局' }));
    expect(ticket).toMatchObject({ state: 'escalated', department: '公安分局', firstDispatchedAt: null });
    ticket = apply(ticket, event('accepted', '2026-11-25T10:45:00'));
    expect(ticket.state).toBe('accepted');
  });

  it('refuses an illegal transition with the current state', () => {
    const outcome: TicketEventOutcome = applyTicketEvent(reported(), event('resolved', '2026-11-25T11:00:00'), 'x', FAR_FUTURE, rules);
    expect(outcome).toMatchObject({ kind: 'illegal_transition', currentState: 'reported' });
    expect(outcome.kind === 'illegal_transition' && outcome.message).toContain('dispatched, escalated');
  });

  it('refuses an event before the latest one or in the future', () => {
    const ticket = apply(reported(), event('dispatched', '2026-11-25T10:10:00', { department: '城管' }));
    expect(applyTicketEvent(ticket, event('accepted', '2026-11-25T10:09:59'), 'x', FAR_FUTURE, rules)).toMatchObject({
      kind: 'invalid_event',
      path: 'at',
    });
    expect(applyTicketEvent(ticket, event('accepted', '2026-11-25T10:11:00'), 'x', new Date(at('2026-11-25T10:10:30')), rules)).toMatchObject({
      kind: 'invalid_event',
      path: 'at',
      message: 'is in the future',
    });
  });

  it('records the event with its sequence number and the states around it', () => {
    const outcome = applyTicketEvent(reported(), event('dispatched', '2026-11-25T10:10:00', { department: '城管' }), 'evt', FAR_FUTURE, rules);
    expect(outcome.kind === 'applied' && outcome.event).toEqual({
      id: 'evt',
      ticketId: '00000000-0000-4000-8000-000000000001',
      seq: 1,
      type: 'dispatched',
      at: at('2026-11-25T10:10:00'),
      actor: 'tester',
      department: '城管',
      satisfaction: null,
      note: null,
      stateBefore: 'reported',
      stateAfter: 'dispatched',
    });
  });
});

describe('findRecordedEvent', () => {
  it('matches on type and instant, whatever the offset the time was written in', () => {
    const outcome = applyTicketEvent(reported(), event('dispatched', '2026-11-25T10:10:00', { department: '城管' }), 'evt', FAR_FUTURE, rules);
    const history = outcome.kind === 'applied' ? [outcome.event] : [];
    expect(findRecordedEvent(history, { type: 'dispatched', at: '2026-11-25T02:10:00Z' })?.id).toBe('evt');
    expect(findRecordedEvent(history, { type: 'accepted', at: '2026-11-25T02:10:00Z' })).toBeUndefined();
    expect(findRecordedEvent(history, { type: 'dispatched', at: '2026-11-25T02:10:01Z' })).toBeUndefined();
  });
});
