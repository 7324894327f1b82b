import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  REPORT_CATEGORIES,
  slaPolicySchema,
  ticketEventInputSchema,
  workCalendarSchema,
  type ReportCategory,
  type ReportSource,
  type Severity,
  type TicketSnapshot,
  type TicketState,
} from '@grid-command/contracts';
import { applyTicketEvent, nextTicketState, openTicket, WorkingTime, type TicketRules } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { toLocalIso } from '../feed/local-time';
import { createRandom, randomInt } from '../feed/prng';
import { DEPARTMENTS_BY_CATEGORY } from '@grid-command/contracts';
import { CAMPAIGN_LIFECYCLE, planTicketLifecycle, ticketRandom, type TicketOrigin, type TicketPlan } from './lifecycle';
import { deadlinesFrom } from './sla-deadlines';
import { toEventInput } from './ticket-events';

/** The policy and calendar the server ships with, so "on time" here is on time there. */
const configFile = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../../config', name), 'utf8'));
const policy = slaPolicySchema.parse(configFile('sla-policy.json'));
const calendar = workCalendarSchema.parse(configFile('work-calendar.json'));
const rules: TicketRules = { policy, workingTime: new WorkingTime(calendar) };
const deadlines = deadlinesFrom(policy, calendar);

const WEEK_START = Date.UTC(2026, 10, 16, 0, 0); // Monday 08:00 in Asia/Shanghai
const SOURCES: readonly ReportSource[] = ['grid_worker', 'hotline_12345', 'resident_app', 'iot_sensor', 'party_member'];
const HOUR = 3_600_000;

function origins(count: number, seed: number, fixed: Partial<TicketOrigin> = {}): TicketOrigin[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    gridCode: `450103${String(randomInt(random, 1, 10)).padStart(3, '0')}001${String(randomInt(random, 1, 9)).padStart(3, '0')}`,
    category: REPORT_CATEGORIES[randomInt(random, 0, REPORT_CATEGORIES.length - 1)] as ReportCategory,
    severity: (random() < 0.8 ? 1 : randomInt(random, 2, 4)) as Severity,
    source: SOURCES[randomInt(random, 0, SOURCES.length - 1)] as ReportSource,
    reportedAtMs: WEEK_START + Math.floor(random() * 7 * 24 * HOUR),
    ...fixed,
  }));
}

const plan = (origin: TicketOrigin, seed = 7): TicketPlan => planTicketLifecycle(origin, ticketRandom(seed, origin.id), deadlines);
const plans = origins(20_000, 1).map((origin) => plan(origin));
const share = (test: (plan: TicketPlan) => boolean, of: readonly TicketPlan[] = plans): number => of.filter(test).length / of.length;
const has = (p: TicketPlan, type: string): boolean => p.events.some((event) => event.type === type);
const first = (p: TicketPlan, type: string): number | undefined => p.events.find((event) => event.type === type)?.atMs;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Plays a plan through the server's own reducer: every event must apply; returns the ticket after each event. */
function replay(p: TicketPlan): TicketSnapshot[] {
  const origin = originById.get(p.ticketId) as TicketOrigin;
  let ticket = openTicket({ ...origin, reportedAt: toLocalIso(origin.reportedAtMs) }, rules);
  const after: TicketSnapshot[] = [];
  for (const [index, event] of p.events.entries()) {
    const outcome = applyTicketEvent(ticket, { ...ticketEventInputSchema.parse(toEventInput(event)), actor: 'simulator' }, `event-${index}`, new Date(8.64e15), rules);
    if (outcome.kind !== 'applied') throw new Error(`${event.type} of ${JSON.stringify(p.events.map((e) => e.type))}: ${outcome.message}`);
    ticket = outcome.ticket;
    after.push(ticket);
  }
  return after;
}

/** Whether the first resolution came before its deadline, as the server judges it (null: never resolved). Memoised: two tests ask. */
const onTimeByTicket = new Map<string, boolean | null>();
function firstResolutionOnTime(p: TicketPlan): boolean | null {
  let onTime = onTimeByTicket.get(p.ticketId);
  if (onTime === undefined) {
    const index = p.events.findIndex((event) => event.type === 'resolved');
    onTime = index < 0 ? null : (replay(p)[index]?.resolvedOnTime ?? null);
    onTimeByTicket.set(p.ticketId, onTime);
  }
  return onTime;
}

describe('planTicketLifecycle', () => {
  it('plans only sequences the ticket state machine accepts, in time order, after the report', () => {
    const problems: string[] = [];
    for (const p of plans) {
      let state: TicketState = 'reported';
      let beforeSuspension: TicketState | null = null;
      let previous = p.reportedAtMs;
      for (const event of p.events) {
        const result = nextTicketState(state, event.type, beforeSuspension);
        if (!result.legal) problems.push(`illegal ${event.type} from ${state} in ${p.events.map((e) => e.type).join(',')}`);
        if (event.atMs <= previous || event.atMs % 1_000 !== 0) problems.push(`${event.type} of ${p.ticketId} at ${event.atMs} after ${previous}`);
        beforeSuspension = event.type === 'suspended' ? state : event.type === 'resumed' ? null : beforeSuspension;
        state = result.legal ? result.to : state;
        previous = event.atMs;
      }
      if (p.events[0]?.type !== 'dispatched') problems.push(`${p.ticketId} starts with ${p.events[0]?.type}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('gives every event the fields the API requires (department, satisfaction, reason)', () => {
    for (const p of plans.slice(0, 3_000)) {
      for (const event of p.events) expect(ticketEventInputSchema.safeParse(toEventInput(event)).error).toBeUndefined();
    }
  });

  it('is the same for the same seed and ticket, whatever else was planned, and differs for another seed', () => {
    const sample = origins(50, 1);
    expect(sample.map((origin) => plan(origin))).toEqual(plans.slice(0, 50));
    expect([...sample].reverse().map((origin) => plan(origin)).reverse()).toEqual(plans.slice(0, 50));
    expect(sample.map((origin) => plan(origin, 8))).not.toEqual(plans.slice(0, 50));
  });

  it('applies cleanly through the server reducer with its SLA policy and calendar', () => {
    for (const p of plans.slice(0, 5_000)) expect(() => replay(p)).not.toThrow();
  });

  it('has the workflow shares of a real district within tolerance', () => {
    const resolved = plans.filter((p) => has(p, 'resolved'));
    const late = resolved.filter((p) => firstResolutionOnTime(p) === false).length / resolved.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.1);
    expect(share((p) => !has(p, 'resolved'))).toBeGreaterThan(0.01);
    expect(share((p) => !has(p, 'resolved'))).toBeLessThan(0.025);
    expect(share((p) => has(p, 'reopened'))).toBeGreaterThan(0.02);
    expect(share((p) => has(p, 'reopened'))).toBeLessThan(0.04);
    for (const type of ['escalated', 'suspended']) {
      expect(share((p) => has(p, type))).toBeGreaterThan(0.015);
      expect(share((p) => has(p, type))).toBeLessThan(0.025);
    }
    const resumedAfterSuspension = (p: TicketPlan): boolean =>
      p.events.every((event) => event.type !== 'suspended' || p.events.some((e) => e.type === 'resumed' && e.atMs > event.atMs));
    expect(share(resumedAfterSuspension)).toBe(1);

    const answers = plans.flatMap((p) => p.events.filter((event) => event.type === 'verified').map((event) => event.satisfaction));
    expect(answers.length / resolved.length).toBeGreaterThan(0.88);
    const answerShare = (level: string): number => answers.filter((answer) => answer === level).length / answers.length;
    expect(answerShare('satisfied')).toBeGreaterThan(0.7);
    expect(answerShare('basically_satisfied')).toBeGreaterThan(0.08);
    expect(answerShare('basically_satisfied')).toBeLessThan(0.2);
    expect(answerShare('dissatisfied')).toBeGreaterThan(0.03);
    expect(answerShare('dissatisfied')).toBeLessThan(0.1);
  });

  it('runs late and stalls far less and dispatches faster during a campaign (督办), with the rest of the workflow as usual', () => {
    const campaign = origins(20_000, 1).map((origin) => planTicketLifecycle(origin, ticketRandom(7, origin.id), deadlines, CAMPAIGN_LIFECYCLE));
    expect(share((p) => p.traits.overdue, campaign)).toBeLessThan(share((p) => p.traits.overdue) / 2.5);
    expect(share((p) => !has(p, 'resolved'), campaign)).toBeLessThan(0.006);
    expect(share((p) => has(p, 'escalated'), campaign)).toBeGreaterThan(0.015);
    expect(share((p) => has(p, 'escalated'), campaign)).toBeLessThan(0.025);
    const dispatchMinutes = (of: readonly TicketPlan[]): number => median(of.map((p) => ((first(p, 'dispatched') ?? 0) - p.reportedAtMs) / 60_000));
    expect(dispatchMinutes(campaign)).toBeLessThan(0.6 * dispatchMinutes(plans));
  });

  it('resolves the tickets drawn on time inside their deadline, nearly always, and the late ones past it', () => {
    const drawnOnTime = plans.filter((p) => !p.traits.overdue && has(p, 'resolved'));
    const missed = drawnOnTime.filter((p) => firstResolutionOnTime(p) === false).length;
    expect(missed / drawnOnTime.length).toBeLessThan(0.01);
    for (const p of plans.filter((candidate) => candidate.traits.overdue)) {
      expect(firstResolutionOnTime(p)).toBe(false);
    }
  });

  it('takes hours for noise, days for illegal construction', () => {
    const hoursToResolve = (category: ReportCategory): number =>
      median(
        plans
          .filter((p) => categoryOf(p) === category && severityOf(p) === 1 && !p.traits.overdue && !p.traits.suspended)
          .flatMap((p) => {
            const resolvedAt = first(p, 'resolved');
            return resolvedAt === undefined ? [] : [(resolvedAt - p.reportedAtMs) / HOUR];
          }),
      );
    const noise = hoursToResolve('noise');
    const sanitation = hoursToResolve('environment_sanitation');
    const construction = hoursToResolve('illegal_construction');
    expect(noise).toBeLessThan(8);
    expect(sanitation).toBeGreaterThan(noise);
    expect(construction).toBeGreaterThan(48);
  });

  it('dispatches urgent tickets faster', () => {
    const minutesToDispatch = (severity: Severity): number =>
      median(plans.filter((p) => severityOf(p) === severity).map((p) => ((first(p, 'dispatched') ?? 0) - p.reportedAtMs) / 60_000));
    expect(minutesToDispatch(4)).toBeLessThan(minutesToDispatch(3));
    expect(minutesToDispatch(3)).toBeLessThan(minutesToDispatch(1));
    expect(minutesToDispatch(4)).toBeLessThan(5);
    expect(minutesToDispatch(1)).toBeGreaterThan(8);
    expect(minutesToDispatch(1)).toBeLessThan(30);
  });

  it('dispatches each category to a department that handles it, and names no actor (the server records who posted it)', () => {
    for (const p of plans.slice(0, 3_000)) {
      const dispatch = p.events[0];
      expect(Object.keys(DEPARTMENTS_BY_CATEGORY[categoryOf(p)])).toContain(dispatch?.department);
      for (const event of p.events) expect(event).not.toHaveProperty('actor');
    }
  });

  it('escalates (吹哨) to another department of the category', () => {
    const escalations = plans.flatMap((p) => p.events.filter((event) => event.type === 'escalated').map((event) => ({ p, event })));
    expect(escalations.length).toBeGreaterThan(100);
    for (const { p, event } of escalations) {
      expect(event.department).not.toBe(p.events[0]?.department);
      expect(Object.keys(DEPARTMENTS_BY_CATEGORY[categoryOf(p)])).toContain(event.department);
    }
  });
});

const originById = new Map(origins(20_000, 1).map((origin) => [origin.id, origin]));
function categoryOf(p: TicketPlan): ReportCategory {
  return (originById.get(p.ticketId) as TicketOrigin).category;
}
function severityOf(p: TicketPlan): Severity {
  return (originById.get(p.ticketId) as TicketOrigin).severity;
}
