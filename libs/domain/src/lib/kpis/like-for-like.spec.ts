import type { AttributedTicketEvent, TicketSnapshot } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { ticketTestRules } from '../../testing/ticket-rules';
import { applyTicketEvent, openTicket } from '../tickets/ticket-reducer';
import { resolveKpiPeriod } from './kpi-periods';
import { compareTallies, comparisonAsOf, MIN_COMPARABLE_TICKETS, ticketAsOf } from './like-for-like';
import { workflowTallies, type WorkflowTallies } from './workflow-kpis';

const rules = ticketTestRules();
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const ZONE = 'Asia/Shanghai';
const at = (local: string): string => new Date(`${local}+08:00`).toISOString();
const instant = (local: string): Date => new Date(at(local));

interface Life {
  /** Now. */
  readonly ticket: TicketSnapshot;
  /** Every version, the report's first. */
  readonly versions: readonly TicketSnapshot[];
}

type Step = readonly [AttributedTicketEvent['type'], string, Partial<AttributedTicketEvent>?];

let nextId = 1;
/** A ticket reported at `reportedLocal` and taken through `steps` by the real reducer: its snapshot now and every version. */
function life(reportedLocal: string, steps: readonly Step[]): Life {
  const id = `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
  let ticket = openTicket({ id, gridCode: '450103001001001', category: 'environment_sanitation', severity: 1, reportedAt: at(reportedLocal) }, rules);
  const versions: TicketSnapshot[] = [ticket];
  for (const [type, local, extra] of steps) {
    const outcome = applyTicketEvent(ticket, { type, at: at(local), actor: 'tester', ...extra }, `${id}-${ticket.version + 1}`, FAR_FUTURE, rules);
    if (outcome.kind !== 'applied') throw new Error(`${type} refused: ${outcome.message}`);
    ticket = outcome.ticket;
    versions.push(ticket);
  }
  return { ticket, versions };
}

const dispatch: Step[0] = 'dispatched';
const closedBy = (day: string, hour: string): Step[] => [
  [dispatch, `${day}T${hour}:00`, { department: '城管' }],
  ['accepted', `${day}T${hour}:10`],
  ['resolved', `${day}T${hour}:30`],
];

function talliesAsOf(lives: readonly Life[], range: { from: Date; to: Date }, asOf: Date): WorkflowTallies {
  const tickets = lives.map((one) => ticketAsOf(one.versions, asOf)).filter((one): one is TicketSnapshot => one !== null);
  return workflowTallies(tickets, range);
}

describe('comparisonAsOf', () => {
  it('today until 14:05 is compared with yesterday as it stood at 14:05', () => {
    const now = instant('2026-11-25T14:05:00');
    const period = resolveKpiPeriod({ kind: 'today' }, now, ZONE);
    expect(comparisonAsOf(period.range, period.previous, now)).toEqual(instant('2026-11-24T14:05:00'));
    expect(comparisonAsOf(period.range, period.lastYear, now)).toEqual(instant('2025-11-25T14:05:00'));
  });

  it('a week is compared at the same age since Monday', () => {
    const now = instant('2026-11-25T14:05:00'); // Wednesday
    const period = resolveKpiPeriod({ kind: 'week' }, now, ZONE);
    expect(comparisonAsOf(period.range, period.previous, now)).toEqual(instant('2026-11-18T14:05:00'));
  });

  it('a past custom range is compared with the days before it as they stood the same time after their start', () => {
    const now = instant('2026-12-01T09:00:00');
    const period = resolveKpiPeriod({ kind: 'custom', from: '2026-11-01', to: '2026-11-07' }, now, ZONE);
    // Nov 1 00:00 is 30 days 9 h before now, so Oct 25 is read as it stood 30 days 9 h after it.
    expect(comparisonAsOf(period.range, period.previous, now)).toEqual(instant('2026-11-24T09:00:00'));
  });

  it('never reads a comparison later than now', () => {
    const now = instant('2026-11-25T14:05:00');
    const future = { from: instant('2026-11-26T00:00:00'), to: instant('2026-11-27T00:00:00') };
    expect(comparisonAsOf({ from: instant('2026-11-25T00:00:00'), to: now }, future, now)).toEqual(now);
  });
});

describe('ticketAsOf', () => {
  const reopened = life('2026-11-24T08:00:00', [
    ...closedBy('2026-11-24', '09'),
    ['reopened', '2026-11-24T20:00:00'],
    ['accepted', '2026-11-25T09:00:00'],
    ['resolved', '2026-11-25T10:00:00'],
    ['verified', '2026-11-25T11:00:00', { satisfaction: 'satisfied' }],
  ]);

  it('is not there before it was reported', () => {
    expect(ticketAsOf(reopened.versions, instant('2026-11-24T07:59:59'))).toBeNull();
  });

  it('shows a resolution that stood then, even if it was reopened later, and not one that came later', () => {
    const atTen = ticketAsOf(reopened.versions, instant('2026-11-24T10:00:00'));
    expect(atTen).toMatchObject({ state: 'resolved', resolvedAt: at('2026-11-24T09:30:00'), resolvedOnTime: true, reopenCount: 0, verifiedAt: null });
    const atNight = ticketAsOf(reopened.versions, instant('2026-11-24T21:00:00'));
    expect(atNight).toMatchObject({ state: 'reopened', resolvedAt: null, reopenCount: 1 });
  });

  it('is the ticket as it is now once all its events have happened', () => {
    const now = ticketAsOf(reopened.versions, instant('2026-11-26T00:00:00'));
    expect(now).toEqual(reopened.ticket);
  });
});

describe('like-for-like tallies', () => {
  // Yesterday: 20 tickets by 14:05, 10 of them closed before 14:05, the other 10 closed in the evening.
  // Today at 14:05: 20 tickets, 10 closed. Same pace of work; a naive 环比 would show 100% → 50%.
  const yesterday = [
    ...Array.from({ length: 10 }, () => life('2026-11-24T08:00:00', closedBy('2026-11-24', '11'))),
    ...Array.from({ length: 10 }, () => life('2026-11-24T09:00:00', closedBy('2026-11-24', '19'))),
  ];
  const today = Array.from({ length: 20 }, (_, index) => life('2026-11-25T08:00:00', index < 10 ? closedBy('2026-11-25', '11') : [[dispatch, '2026-11-25T09:00:00', { department: '城管' }]]));
  const now = instant('2026-11-25T14:05:00');
  const period = resolveKpiPeriod({ kind: 'today' }, now, ZONE);
  const everything = [...yesterday, ...today];

  it('closes yesterday only as far as it had closed by the same time', () => {
    const current = talliesAsOf(everything, period.range, now);
    const naive = talliesAsOf(everything, period.previous, now);
    const likeForLike = talliesAsOf(everything, period.previous, comparisonAsOf(period.range, period.previous, now));
    expect([current.reported, current.closedOfReported]).toEqual([20, 10]);
    expect([naive.reported, naive.closedOfReported]).toEqual([20, 20]);
    expect([likeForLike.reported, likeForLike.closedOfReported]).toEqual([20, 10]);
    expect(likeForLike.resolved).toBe(10);
  });

  it('counts as of now the same as the tickets now', () => {
    const range = { from: instant('2026-11-24T00:00:00'), to: now };
    expect(talliesAsOf(everything, range, now)).toEqual(workflowTallies(everything.map((one) => one.ticket), range));
  });
});

describe('compareTallies', () => {
  const tallies = (overrides: Partial<WorkflowTallies>): WorkflowTallies => ({
    reported: 40,
    dispatched: 30,
    resolved: 20,
    closedOfReported: 20,
    resolvedOnTime: 15,
    verified: 3,
    satisfied: 3,
    everResolved: 20,
    reopened: 0,
    timeToDispatch: { count: 30, medianMinutes: 12, p90Minutes: 40 },
    timeToResolve: { count: 20, medianMinutes: 90, p90Minutes: 300 },
    ...overrides,
  });
  const open = { historyMissing: false, notStarted: false };

  it('gives the baseline of every figure with enough tickets on both sides', () => {
    const figures = compareTallies(tallies({}), tallies({ reported: 50, closedOfReported: 10 }), open);
    expect(figures.closingRate).toEqual({ status: 'compared', baseline: 0.2 });
    expect(figures.reported).toEqual({ status: 'compared', baseline: 50 });
    expect(figures.timeToResolve).toEqual({ status: 'compared', baseline: 90 });
  });

  it(`does not compare a rate over fewer than ${MIN_COMPARABLE_TICKETS} tickets on either side, nor one without a denominator`, () => {
    const figures = compareTallies(tallies({}), tallies({ verified: 0, satisfied: 0, resolved: MIN_COMPARABLE_TICKETS - 1, resolvedOnTime: 5 }), open);
    expect(figures.satisfactionRate).toEqual({ status: 'not_comparable', reason: 'no_data' });
    expect(figures.onTimeRate).toEqual({ status: 'not_comparable', reason: 'too_few_tickets' });
    // Three verifications today: too few, whatever the baseline.
    expect(compareTallies(tallies({}), tallies({ verified: 40, satisfied: 30 }), open).satisfactionRate).toEqual({ status: 'not_comparable', reason: 'too_few_tickets' });
  });

  it('compares counts from zero: a count needs no minimum', () => {
    expect(compareTallies(tallies({ dispatched: 3 }), tallies({ dispatched: 0 }), open).dispatched).toEqual({ status: 'compared', baseline: 0 });
  });

  it('says why nothing is compared: no history, or a period not begun', () => {
    expect(compareTallies(tallies({}), null, { historyMissing: true, notStarted: false }).reported).toEqual({ status: 'not_comparable', reason: 'no_history' });
    expect(compareTallies(tallies({}), tallies({}), { historyMissing: false, notStarted: true }).closingRate).toEqual({ status: 'not_comparable', reason: 'not_started' });
  });
});
