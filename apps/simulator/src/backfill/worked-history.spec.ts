import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { alertRuleSchema, slaPolicySchema, workCalendarSchema, type SlaRule, type TicketSnapshot } from '@grid-command/contracts';
import { WorkingTime, applyTicketEvent, breachesSla, openTicket } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { DistrictModel } from '../feed/district-model';
import { createRandom } from '../feed/prng';
import { tinyDistrict } from '../feed/testing/tiny-district';
import { planTicketLifecycle, ticketRandom, type TicketPlan } from '../tickets/lifecycle';
import { deadlinesFrom } from '../tickets/sla-deadlines';
import { toEventInput } from '../tickets/ticket-events';
import { DAY_MS, localDaysCovering, planDayReports, reportsWithin } from './backfill-plan';
import { asWorkedByTheDesk, STILL_CHASED_MS } from './worked-history';

const configFile = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../../config', name), 'utf8'));
const policy = slaPolicySchema.parse(configFile('sla-policy.json'));
const calendar = workCalendarSchema.parse(configFile('work-calendar.json'));
const rules = { policy, workingTime: new WorkingTime(calendar) };
const deadlines = deadlinesFrom(policy, calendar);
const slaRules = ((configFile('alert-rules.json') as { rules: unknown[] }).rules.map((rule) => alertRuleSchema.parse(rule)) as SlaRule[]).filter((rule) => rule.kind === 'sla');
const district = new DistrictModel(tinyDistrict(3, 4, 6), createRandom(5));
const SEED = 450_103;
/** A Tuesday morning in Asia/Shanghai, as a demo would start. */
const END = Date.UTC(2026, 11, 1, 2, 0);
const AFTER_GRACE = END + 10 * 60_000;

interface Planned {
  readonly report: { id: string; gridCode: string; category: TicketSnapshot['category']; severity: number; reportedAt: string };
  readonly plan: TicketPlan;
}

/** Two weeks of a district's tickets at the demo's everyday volume, as the lifecycle plans them. */
const history: Planned[] = localDaysCovering(END - 14 * DAY_MS, END).flatMap((day) =>
  reportsWithin(planDayReports(district, SEED, day, 720), END - 14 * DAY_MS, END).map((report) => ({
    report,
    plan: planTicketLifecycle(
      { id: report.id, gridCode: report.gridCode, category: report.category, severity: report.severity as 1 | 2 | 3 | 4, source: report.source, reportedAtMs: Date.parse(report.reportedAt) },
      ticketRandom(SEED, report.id),
      deadlines,
    ),
  })),
);

/** The ticket as the server holds it once the events dated up to `endMs` are played. */
function ticketAt(planned: Planned, plan: TicketPlan, endMs: number): TicketSnapshot {
  let ticket = openTicket(planned.report, rules);
  for (const event of plan.events) {
    if (event.atMs > endMs) break;
    const outcome = applyTicketEvent(ticket, { ...toEventInput(event), actor: 'backfill' }, `e-${event.atMs}`, new Date(endMs), rules);
    if (outcome.kind !== 'applied') throw new Error(`${planned.report.id}: ${event.type} at ${new Date(event.atMs).toISOString()} is ${outcome.kind}`);
    ticket = outcome.ticket;
  }
  return ticket;
}

const breaching = (ticket: TicketSnapshot, atMs: number): boolean => slaRules.some((rule) => breachesSla(rule, ticket, atMs));

describe('asWorkedByTheDesk', () => {
  const worked = history.map((planned) => ({ planned, plan: asWorkedByTheDesk(planned.plan, END) }));

  // Played once: every worked history must be a legal one (ticketAt throws on an event the rules refuse).
  const workedAtEnd = worked.map(({ planned, plan }) => ticketAt(planned, plan, END));

  it('leaves the desk a handful of breaches at the end of two weeks of history, not all of them at once', () => {
    const raw = history.filter((planned) => breaching(ticketAt(planned, planned.plan, END), AFTER_GRACE)).length;
    const left = workedAtEnd.filter((ticket) => breaching(ticket, AFTER_GRACE)).length;
    // As planned for live play, the late and stalled cases of two weeks would all come due together.
    expect(raw).toBeGreaterThan(history.length / 100);
    expect(left).toBeLessThanOrEqual(history.length / 1_000);
  });

  it('keeps every worked history in order', () => {
    const outOfOrder = worked.filter(({ plan }) => plan.events.some((event, index) => event.atMs <= (plan.events[index - 1]?.atMs ?? plan.reportedAtMs)));
    expect(outOfOrder.map(({ plan }) => plan.ticketId)).toEqual([]);
    expect(workedAtEnd).toHaveLength(history.length);
  });

  it('resolves an old late case late, between its deadline and the end, and keeps what followed in order', () => {
    const moved = worked.filter(({ planned, plan }) => plan !== planned.plan && plan.events.some((event) => event.type === 'resolved'));
    expect(moved.length).toBeGreaterThan(0);
    for (const { plan } of moved) {
      const resolvedAt = plan.events.find((event) => event.type === 'resolved')?.atMs ?? 0;
      expect(resolvedAt).toBeGreaterThan(plan.dueMs);
      expect(resolvedAt).toBeLessThan(END - STILL_CHASED_MS);
    }
  });

  it('suspends an old stalled case before its deadline when it was accepted in time', () => {
    const suspended = worked.filter(({ planned, plan }) => planned.plan.traits.stalled && plan !== planned.plan);
    expect(suspended.length).toBeGreaterThan(0);
    for (const { planned, plan } of suspended) {
      expect(plan.events.at(-1)?.type).toBe('suspended');
      const acceptedAt = planned.plan.events.at(-1)?.atMs ?? 0;
      if (acceptedAt < plan.dueMs) expect(plan.events.at(-1)?.atMs).toBeLessThan(plan.dueMs);
    }
  });

  it('keeps a recent breach and every ticket not yet due exactly as planned', () => {
    for (const { planned, plan } of worked) {
      if (planned.plan.dueMs >= END - STILL_CHASED_MS) expect(plan).toBe(planned.plan);
    }
  });
});
