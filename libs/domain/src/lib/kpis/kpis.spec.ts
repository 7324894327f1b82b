import type { TicketSnapshot } from '@grid-command/contracts';
import { ticketSnapshotFixture } from '@grid-command/contracts/testing';
import { describe, expect, it } from '@jest/globals';
import { resolveKpiPeriod } from './kpi-periods';
import { quantileExact } from './quantile';
import { rankUnits, type UnitTally } from './ranking';
import { isOverdue, resolveDistribution, workflowFigures } from './workflow-kpis';

const at = (local: string): string => new Date(`${local}+08:00`).toISOString();
const range = { from: new Date(at('2026-11-25T00:00:00')), to: new Date(at('2026-11-26T00:00:00')) };

/** Ids end in the ticket's number, which the expectations below read back. */
const numbered = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Unless a ticket says otherwise it was reported at 08:00 and is due at 18:00: the figures count from these. */
const reportedToday = { reportedAt: at('2026-11-25T08:00:00'), dueAt: at('2026-11-25T18:00:00') };

const dispatched = { firstDispatchedAt: at('2026-11-25T08:10:00'), department: '城管' };
const tickets: TicketSnapshot[] = [
  ticketSnapshotFixture({ id: numbered(1), ...reportedToday }),
  ticketSnapshotFixture({ id: numbered(2), ...reportedToday, ...dispatched, state: 'dispatched' }),
  ticketSnapshotFixture({ id: numbered(3), ...reportedToday, ...dispatched, state: 'resolved', resolvedAt: at('2026-11-25T10:00:00'), resolvedOnTime: true }),
  ticketSnapshotFixture({ id: numbered(4), ...reportedToday, ...dispatched, state: 'verified', resolvedAt: at('2026-11-25T20:00:00'), resolvedOnTime: false, verifiedAt: at('2026-11-25T21:00:00'), satisfaction: 'dissatisfied' }),
  ticketSnapshotFixture({ id: numbered(5), ...reportedToday, ...dispatched, state: 'verified', resolvedAt: at('2026-11-25T12:00:00'), resolvedOnTime: true, verifiedAt: at('2026-11-25T13:00:00'), satisfaction: 'satisfied', reopenCount: 1 }),
  ticketSnapshotFixture({ id: numbered(6), ...reportedToday, ...dispatched, state: 'reopened', reopenCount: 1 }),
  // Reported the day before, resolved today: resolved today but not in today's closing rate.
  ticketSnapshotFixture({ id: numbered(7), ...reportedToday, reportedAt: at('2026-11-24T09:00:00'), firstDispatchedAt: at('2026-11-24T09:30:00'), state: 'resolved', resolvedAt: at('2026-11-25T09:00:00'), resolvedOnTime: true }),
  ticketSnapshotFixture({ id: numbered(8), ...reportedToday, state: 'suspended', dueAt: null, ...dispatched }),
];

describe('workflowFigures', () => {
  const figures = workflowFigures(tickets, range);

  it('counts each KPI by its definition', () => {
    expect(figures).toMatchObject({
      reported: 7,
      dispatched: 6,
      resolved: 4,
      resolvedOnTime: 3,
      verified: 2,
      satisfied: 1,
      reopened: 2,
    });
  });

  it('closing rate: reported in the range and resolved now (3 of 7)', () => {
    expect(figures.closingRate).toBeCloseTo(3 / 7, 12);
    expect(figures.onTimeRate).toBe(3 / 4);
    expect(figures.satisfactionRate).toBe(1 / 2);
    // Ever resolved among today's tickets: 3, 4, 5 and the reopened 6; reopened: 5 and 6.
    expect(figures.reopenRate).toBe(2 / 4);
  });

  it('times from report to first dispatch and to resolution, nearest rank from below', () => {
    expect(figures.timeToDispatch).toEqual({ count: 6, medianMinutes: 10, p90Minutes: 10 });
    // Resolved today: 2 h, 12 h, 4 h, 24 h → sorted 120, 240, 720, 1440.
    expect(figures.timeToResolve).toEqual({ count: 4, medianMinutes: 720, p90Minutes: 1440 });
  });

  it('gives null rates and durations for an empty range', () => {
    const empty = workflowFigures(tickets, { from: new Date(at('2025-01-01T00:00:00')), to: new Date(at('2025-01-02T00:00:00')) });
    expect(empty).toMatchObject({ reported: 0, closingRate: null, onTimeRate: null, satisfactionRate: null, reopenRate: null });
    expect(empty.timeToResolve).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });
});

describe('isOverdue', () => {
  const now = new Date(at('2026-11-25T19:00:00'));
  it('is open and past its deadline; resolved and suspended tickets are not overdue', () => {
    expect(tickets.filter((one) => isOverdue(one, now)).map((one) => Number(one.id.slice(-2)))).toEqual([1, 2, 6]);
    expect(isOverdue(tickets[0] as TicketSnapshot, new Date(at('2026-11-25T18:00:00')))).toBe(false);
  });
});

describe('resolveDistribution', () => {
  it('buckets times to resolve; the last bucket is open-ended', () => {
    expect(resolveDistribution(tickets, range).map((bucket) => bucket.tickets)).toEqual([0, 1, 2, 1, 0, 0]);
    expect(resolveDistribution(tickets, range).at(-1)).toMatchObject({ fromMinutes: 10_080, toMinutes: null });
  });
});

describe('quantileExact', () => {
  it('takes the value at ⌊level·n⌋ like ClickHouse', () => {
    expect(quantileExact([4, 1, 3, 2], 0.5)).toBe(3);
    expect(quantileExact([0, 1, 2, 3], 0.9)).toBe(3);
    expect(quantileExact(Array.from({ length: 11 }, (_, index) => index), 0.9)).toBe(9);
    expect(quantileExact([7], 0.9)).toBe(7);
    expect(quantileExact([], 0.5)).toBeNull();
  });
});

describe('rankUnits', () => {
  const unit = (scope: string, reported: number, closed: number, population: number | null = null): UnitTally => ({
    scope,
    name: scope,
    population,
    reported,
    closed,
    resolved: closed,
    overdueNow: 0,
  });

  it('ranks by the rate it shows: 30.3% above 29.5% whatever the sizes', () => {
    // 29.5% of 2,000 tickets and 30.3% of 33: a rate shrunk toward a parent of 95% would put the small one first.
    const ranking = rankUnits('community', [unit('community:big', 2_000, 590), unit('community:small', 33, 10)]);
    expect(ranking.ranked.map((one) => [one.scope, one.closingRate, one.rank])).toEqual([
      ['community:small', 0.303, 1],
      ['community:big', 0.295, 2],
    ]);
  });

  it('breaks a tie in the shown rate by more reports, then by name', () => {
    // 29,999 of 100,000 and 30 of 100 both show as 30.0%: equal on the wall, so equal for the rank.
    const ranking = rankUnits('street', [unit('street:c', 100, 30), unit('street:a', 100_000, 29_999), unit('street:b', 100, 30)]);
    expect(ranking.ranked.map((one) => one.scope)).toEqual(['street:a', 'street:b', 'street:c']);
    expect(new Set(ranking.ranked.map((one) => one.closingRate))).toEqual(new Set([0.3]));
  });

  it('lists units under the minimum apart, most reports first, without a rank', () => {
    const ranking = rankUnits('community', [unit('community:a', 300, 291), unit('community:c', 3, 3), unit('community:d', 19, 1)]);
    expect(ranking.ranked.map((one) => [one.scope, one.rank])).toEqual([['community:a', 1]]);
    expect(ranking.unranked.map((one) => [one.scope, one.rank])).toEqual([
      ['community:d', null],
      ['community:c', null],
    ]);
    expect(ranking.unranked[1]?.closingRate).toBe(1);
  });

  it('gives volume per 10,000 residents when the population is known', () => {
    const ranking = rankUnits('street', [unit('street:a', 50, 40, 25_000), unit('street:b', 50, 40)]);
    expect(ranking.ranked.find((one) => one.scope === 'street:a')?.reportedPer10k).toBe(20);
    expect(ranking.ranked.find((one) => one.scope === 'street:b')?.reportedPer10k).toBeNull();
  });
});

describe('resolveKpiPeriod', () => {
  const zone = 'Asia/Shanghai';
  const now = new Date(at('2026-11-25T15:00:00')); // a Wednesday
  const local = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

  it('today against yesterday up to the same time, and the same day last year', () => {
    const period = resolveKpiPeriod({ kind: 'today' }, now, zone);
    expect([local(period.range.from), local(period.range.to)]).toEqual(['2026-11-25T00:00', '2026-11-25T15:00']);
    expect([local(period.previous.from), local(period.previous.to)]).toEqual(['2026-11-24T00:00', '2026-11-24T15:00']);
    expect([local(period.lastYear.from), local(period.lastYear.to)]).toEqual(['2025-11-25T00:00', '2025-11-25T15:00']);
  });

  it('this week from Monday against last week', () => {
    const period = resolveKpiPeriod({ kind: 'week' }, now, zone);
    expect(local(period.range.from)).toBe('2026-11-23T00:00');
    expect([local(period.previous.from), local(period.previous.to)]).toEqual(['2026-11-16T00:00', '2026-11-18T15:00']);
  });

  it('this month against last month, cut at the month end', () => {
    const period = resolveKpiPeriod({ kind: 'month' }, new Date(at('2026-03-31T12:00:00')), zone);
    expect(local(period.range.from)).toBe('2026-03-01T00:00');
    expect([local(period.previous.from), local(period.previous.to)]).toEqual(['2026-02-01T00:00', '2026-03-01T00:00']);
  });

  it('a custom range of whole days against the days before it', () => {
    const period = resolveKpiPeriod({ kind: 'custom', from: '2026-11-01', to: '2026-11-07' }, now, zone);
    expect([local(period.range.from), local(period.range.to)]).toEqual(['2026-11-01T00:00', '2026-11-08T00:00']);
    expect([local(period.previous.from), local(period.previous.to)]).toEqual(['2026-10-25T00:00', '2026-11-01T00:00']);
    expect([local(period.lastYear.from), local(period.lastYear.to)]).toEqual(['2025-11-01T00:00', '2025-11-08T00:00']);
  });
});
