import {
  DEPARTMENTS_BY_CATEGORY,
  ESCALATION_DEPARTMENTS,
  type ReportCategory,
  type ReportSource,
  type Satisfaction,
  type Severity,
  type TicketEventType,
} from '@grid-command/contracts';
import { localMinuteOfDay } from '../feed/local-time';
import { HAZARD_CATEGORIES } from '../feed/mixes';
import { createRandom, deriveSeed, gaussian, randomBetween, randomInt, type Random } from '../feed/prng';
import { tableOf, WeightedTable } from '../feed/weighted-choice';
import { RESOLUTION_NOTES, SUSPENSION_REASONS } from './departments';

/** What the lifecycle of a ticket depends on: the report it was filed as. */
export interface TicketOrigin {
  readonly id: string;
  readonly gridCode: string;
  readonly category: ReportCategory;
  readonly severity: Severity;
  readonly source: ReportSource;
  readonly reportedAtMs: number;
}

/**
 * One workflow event, as `POST /api/v1/tickets/{id}/events` takes it but with the instant as a number. It names no
 * actor: the server records the credential that posts it (the simulator's ingest key, a source system's).
 */
export interface PlannedEvent {
  readonly type: TicketEventType;
  readonly atMs: number;
  readonly department?: string;
  readonly satisfaction?: Satisfaction;
  readonly note?: string;
}

/** The fates drawn for a ticket; the events follow from them. Kept so tests and summaries need not re-derive them. */
export interface TicketTraits {
  /** Drawn to be resolved after its deadline (a few more miss it because signing waited for office hours). */
  readonly overdue: boolean;
  /** Never resolved: a long case still open (and overdue) weeks later. */
  readonly stalled: boolean;
  readonly escalated: boolean;
  readonly suspended: boolean;
  readonly reopened: boolean;
}

export interface TicketPlan {
  readonly ticketId: string;
  readonly reportedAtMs: number;
  /** When the first resolution is due under the SLA policy, before any suspension moves it. */
  readonly dueMs: number;
  readonly traits: TicketTraits;
  /** In order, each strictly after the one before and after the report. */
  readonly events: readonly PlannedEvent[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How a district's desk and departments work: the shares of tickets that take each turn, and how fast the desk
 * dispatches. Reopening is not drawn directly: half of the dissatisfied verifications reopen the ticket, which
 * with the satisfaction mix below comes to about 3 % of tickets.
 */
export interface LifecycleProfile {
  readonly overdue: number;
  readonly stalled: number;
  readonly escalated: number;
  readonly suspended: number;
  /** Of resolved tickets: the rest were anonymous or never reached on the callback. */
  readonly verified: number;
  readonly dissatisfiedReopen: number;
  /** Multiplies the time to dispatch (派单). */
  readonly dispatchPace: number;
}

export const EVERYDAY_LIFECYCLE: LifecycleProfile = {
  overdue: 0.07,
  stalled: 0.015,
  escalated: 0.02,
  suspended: 0.02,
  verified: 0.92,
  dissatisfiedReopen: 0.5,
  dispatchPace: 1,
};

/**
 * During a 创城 campaign its leading group (督办) checks every open ticket daily, the desk is staffed up and
 * departments are told to close within the limit: fewer run late or stall and dispatch takes half as long, so the
 * desk is not buried in 超期 alerts while the volume is several-fold.
 */
export const CAMPAIGN_LIFECYCLE: LifecycleProfile = { ...EVERYDAY_LIFECYCLE, overdue: 0.02, stalled: 0.003, dispatchPace: 0.5 };

/** 满意 / 基本满意 / 不满意, as 12345 callbacks report them; a late resolution costs goodwill. */
const SATISFACTION_ON_TIME: Readonly<Record<Satisfaction, number>> = { satisfied: 82, basically_satisfied: 12, dissatisfied: 6 };
const SATISFACTION_LATE: Readonly<Record<Satisfaction, number>> = { satisfied: 55, basically_satisfied: 27, dissatisfied: 18 };
const SATISFACTION_AFTER_REWORK: Readonly<Record<Satisfaction, number>> = { satisfied: 70, basically_satisfied: 22, dissatisfied: 8 };

/** Reported → dispatched, median minutes: the duty officer picks up 特急 at once, most 一般 inside the 30-minute limit. */
const DISPATCH_MEDIAN_MINUTES: Readonly<Record<Severity, number>> = { 1: 10, 2: 7, 3: 4, 4: 2 };
/** Dispatched → accepted (签收), median minutes. */
const ACCEPT_MEDIAN_MINUTES: Readonly<Record<Severity, number>> = { 1: 60, 2: 30, 3: 10, 4: 4 };
/** Accepted → resolved for a routine (一般) ticket, median hours: noise and parking in hours, illegal construction in days. */
const WORK_MEDIAN_HOURS: Readonly<Record<ReportCategory, number>> = {
  parking: 2,
  noise: 3,
  gas_utilities: 3,
  fire_safety: 6,
  environment_sanitation: 8,
  epidemic_prevention: 8,
  elderly_care: 24,
  public_security: 24,
  other: 24,
  property_management: 40,
  public_facilities: 48,
  dispute: 60,
  illegal_construction: 120,
};
/** Urgent tickets get crews at once: 特急 takes a seventh of the routine time. */
const WORK_SEVERITY_FACTOR: Readonly<Record<Severity, number>> = { 1: 1, 2: 0.6, 3: 0.3, 4: 0.15 };
/** On-time tickets finish inside this share of the time to their deadline, so rounding and clock pauses cannot push them over. */
const ON_TIME_CEILING = 0.85;
/** Departments sign for routine tickets in office hours; the duty shift covers 紧急 and 特急 at night. */
const OFFICE_OPENS_MINUTE = 8 * 60 + 30;
const OFFICE_CLOSES_MINUTE = 20 * 60;

/** When a ticket's resolution is due if its clock starts at `fromMs`: the server's SLA policy and working calendar. */
export interface Deadlines {
  resolutionDueMs(category: ReportCategory, severity: Severity, fromMs: number): number;
  /** The deadline after a suspension: the time left when the clock stopped, counted again from the resumption. */
  resumedDueMs(category: ReportCategory, severity: Severity, dueMs: number, suspendedAtMs: number, resumedAtMs: number): number;
}

/** A random stream for one ticket, from the run's seed and the ticket id: its plan does not depend on what else was planned, or when. */
export function ticketRandom(seed: number, ticketId: string): Random {
  return createRandom(deriveSeed(seed, ticketId));
}

const departmentTables = new Map(
  Object.entries(DEPARTMENTS_BY_CATEGORY).map(([category, weights]) => [category as ReportCategory, tableOf(weights)] as const),
);
const escalationTable = tableOf(ESCALATION_DEPARTMENTS);
const satisfactionTables = {
  onTime: tableOf(SATISFACTION_ON_TIME),
  late: tableOf(SATISFACTION_LATE),
  rework: tableOf(SATISFACTION_AFTER_REWORK),
};

function lognormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * gaussian(random));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomInt(random, 0, items.length - 1)] as T;
}

/** The next local (Asia/Shanghai) office opening at or after `instantMs`, if it falls outside office hours. */
function withinOfficeHours(instantMs: number): number {
  const minute = localMinuteOfDay(instantMs);
  if (minute >= OFFICE_OPENS_MINUTE && minute < OFFICE_CLOSES_MINUTE) return instantMs;
  const wait = minute < OFFICE_OPENS_MINUTE ? OFFICE_OPENS_MINUTE - minute : 24 * 60 - minute + OFFICE_OPENS_MINUTE;
  return instantMs + wait * MINUTE;
}

/** Appends events with whole-second instants, each at least a second after the one before. */
class Timeline {
  readonly events: PlannedEvent[] = [];
  private lastMs: number;

  constructor(reportedAtMs: number) {
    this.lastMs = reportedAtMs;
  }

  get latestMs(): number {
    return this.lastMs;
  }

  add(event: Omit<PlannedEvent, 'atMs'>, atMs: number): number {
    const at = Math.max(Math.ceil(atMs / 1_000) * 1_000, Math.floor(this.lastMs / 1_000) * 1_000 + 1_000);
    this.events.push({ ...event, atMs: at });
    this.lastMs = at;
    return at;
  }
}

/**
 * Plans the whole workflow of one ticket, 报单 → 派单 → 签收 → 办结 → 验单, with its detours (吹哨, 挂起, 重办) and
 * a share that runs late or stays open. Pure: the same origin and random stream give the same plan. Events are
 * planned regardless of the clock; whoever plays them posts each when its instant has come.
 */
export function planTicketLifecycle(origin: TicketOrigin, random: Random, deadlines: Deadlines, profile: LifecycleProfile = EVERYDAY_LIFECYCLE): TicketPlan {
  const { category, severity, reportedAtMs } = origin;
  // Every fate first, in a fixed order, so the shares do not depend on how many timing draws a path takes.
  const stalled = random() < profile.stalled;
  const overdue = !stalled && random() < profile.overdue / (1 - profile.stalled);
  const escalated = random() < profile.escalated;
  const suspended = !stalled && random() < profile.suspended;
  const verified = random() < profile.verified;
  const satisfaction = (overdue ? satisfactionTables.late : satisfactionTables.onTime).pick(random);
  const reopens = verified && satisfaction === 'dissatisfied' && random() < profile.dissatisfiedReopen;

  const dueMs = deadlines.resolutionDueMs(category, severity, reportedAtMs);
  const department = (departmentTables.get(category) as WeightedTable<string>).pick(random);
  const night = localMinuteOfDay(reportedAtMs) < 7 * 60 || localMinuteOfDay(reportedAtMs) >= 22 * 60;
  // Routine tickets wait for office hours to be signed for; hazards and 紧急/特急 go to the duty shift at once.
  const routine = severity <= 2 && !HAZARD_CATEGORIES.has(category);
  const timeline = new Timeline(reportedAtMs);

  const dispatchDelay = Math.max(MINUTE, lognormal(random, DISPATCH_MEDIAN_MINUTES[severity], 0.7) * MINUTE * (night && routine ? 1.5 : 1) * profile.dispatchPace);
  const dispatchedAt = timeline.add({ type: 'dispatched', department }, reportedAtMs + dispatchDelay);

  let acting = department;
  let acceptAt = dispatchedAt + Math.max(MINUTE, lognormal(random, ACCEPT_MEDIAN_MINUTES[severity], 0.7) * MINUTE);
  if (escalated) {
    // The first department bounces it; the street blows the whistle (吹哨) and another department reports (报到).
    const whistled = otherDepartment(category, department, random);
    acting = whistled;
    const whistleAt = timeline.add(
      { type: 'escalated', department: whistled, note: `${department}无法单独处置,街道吹哨` },
      dispatchedAt + lognormal(random, 3 * HOUR, 0.6),
    );
    acceptAt = whistleAt + Math.max(10 * MINUTE, lognormal(random, 40 * MINUTE, 0.5));
  }
  if (routine) acceptAt = withinOfficeHours(acceptAt);
  const acceptedAt = timeline.add({ type: 'accepted' }, acceptAt);
  if (stalled) return { ticketId: origin.id, reportedAtMs, dueMs, traits: traitsOf(), events: timeline.events };

  const work = lognormal(random, WORK_MEDIAN_HOURS[category] * WORK_SEVERITY_FACTOR[severity] * HOUR, 0.6);
  let resolveAt = acceptedAt + work;
  let currentDueMs = dueMs;
  if (suspended) {
    const suspendAt = timeline.add(
      { type: 'suspended', note: pick(random, SUSPENSION_REASONS) },
      acceptedAt + work * randomBetween(random, 0.2, 0.5),
    );
    const resumedAt = timeline.add({ type: 'resumed' }, suspendAt + Math.max(HOUR, lognormal(random, 20 * HOUR, 0.7)));
    resolveAt += resumedAt - suspendAt;
    currentDueMs = deadlines.resumedDueMs(category, severity, dueMs, suspendAt, resumedAt);
  }
  resolveAt = timeResolution(random, { startMs: reportedAtMs, dueMs: currentDueMs, plannedMs: resolveAt, overdue, earliestMs: timeline.latestMs });
  const resolvedAt = timeline.add({ type: 'resolved', note: pick(random, RESOLUTION_NOTES) }, resolveAt);

  if (verified) {
    const callbackDelay = origin.source === 'hotline_12345' ? lognormal(random, 20 * HOUR, 0.5) : lognormal(random, 3 * HOUR, 0.8);
    const verifiedAt = timeline.add({ type: 'verified', satisfaction }, resolvedAt + Math.max(10 * MINUTE, callbackDelay));
    if (reopens) {
      // 重办: the resident rejects the result; the ticket goes back to the same department with a fresh deadline.
      const reopenedAt = timeline.add({ type: 'reopened', note: '居民不满意,要求重新办理' }, verifiedAt + lognormal(random, HOUR, 0.5));
      const redispatchedAt = timeline.add({ type: 'dispatched', department: acting }, reopenedAt + Math.max(MINUTE, lognormal(random, 20 * MINUTE, 0.5)));
      const reacceptAt = withinOfficeHours(redispatchedAt + Math.max(MINUTE, lognormal(random, HOUR, 0.5)));
      const reacceptedAt = timeline.add({ type: 'accepted' }, reacceptAt);
      const rework = timeResolution(random, {
        startMs: reopenedAt,
        dueMs: deadlines.resolutionDueMs(category, severity, reopenedAt),
        plannedMs: reacceptedAt + work * 0.5,
        overdue: false,
        earliestMs: reacceptedAt,
      });
      const reresolvedAt = timeline.add({ type: 'resolved', note: '已重新处置' }, rework);
      timeline.add({ type: 'verified', satisfaction: satisfactionTables.rework.pick(random) }, reresolvedAt + Math.max(10 * MINUTE, lognormal(random, 4 * HOUR, 0.6)));
    }
  }
  return { ticketId: origin.id, reportedAtMs, dueMs, traits: traitsOf(), events: timeline.events };

  function traitsOf(): TicketTraits {
    return { overdue, stalled, escalated, suspended, reopened: reopens };
  }
}

/** A second department that handles the category (the one a street calls in), else one of the usual 吹哨 answerers. */
function otherDepartment(category: ReportCategory, first: string, random: Random): string {
  const others = Object.keys(DEPARTMENTS_BY_CATEGORY[category]).filter((name) => name !== first);
  if (others.length > 0) return pick(random, others);
  const fallback = escalationTable.pick(random);
  return fallback === first ? '街道综合执法队' : fallback;
}

/**
 * When the resolution lands: a late ticket 5–80 % of its allowed time past the deadline (a little late rather than
 * weeks late, so a week's figures see it resolved); an on-time one where the work put it, pulled inside the
 * deadline when the draw ran long. `dueMs` is the deadline after any pause.
 */
function timeResolution(random: Random, input: { startMs: number; dueMs: number; plannedMs: number; overdue: boolean; earliestMs: number }): number {
  const { startMs, dueMs, plannedMs, overdue, earliestMs } = input;
  const allowed = Math.max(MINUTE, dueMs - startMs);
  if (overdue) return Math.max(earliestMs + MINUTE, dueMs + allowed * randomBetween(random, 0.05, 0.8));
  const ceiling = startMs + allowed * ON_TIME_CEILING;
  if (plannedMs <= ceiling) return plannedMs;
  // Pull it inside: somewhere in the second half of the time that is left. A ticket that cannot make it any
  // more (accepted next morning with a four-hour limit) is resolved soon after acceptance instead, and is late.
  const left = ceiling - earliestMs;
  return left > 2 * MINUTE ? earliestMs + left * randomBetween(random, 0.5, 1) : earliestMs + randomBetween(random, 10, 30) * MINUTE;
}
