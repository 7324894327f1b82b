import { SCOPE_CODE_LENGTH, type Alert, type AnomalyRule, type CriticalRule, type ScopeLevel, type SlaRule, type SpikeRule, type TicketSnapshot } from '@grid-command/contracts';
import { formatScope, scopeOfCode } from '../scope';
import { CLOSED_TICKET_STATES, OPEN_TICKET_STATES } from '../tickets/ticket-state-machine';
import type { AlertCandidate } from './alert-candidate';
import { matchesReport, type AlertReportFacts } from './report-match';

const MINUTE_MS = 60_000;

/** The scope of the given level that holds the grid. */
export function scopeAt(level: ScopeLevel, gridCode: string): string {
  return formatScope(scopeOfCode(gridCode.slice(0, SCOPE_CODE_LENGTH[level])));
}

/** Critical reports, one candidate per scope of the rule's level (two gas leaks in one grid make one alert). */
export function criticalCandidates(rule: CriticalRule, reports: readonly AlertReportFacts[]): AlertCandidate[] {
  const byScope = new Map<string, string[]>();
  for (const report of reports) {
    if (!rule.anyOf.some((match) => matchesReport(match, report))) continue;
    const scope = scopeAt(rule.level, report.gridCode);
    byScope.set(scope, [...(byScope.get(scope) ?? []), report.id]);
  }
  return [...byScope].map(([scope, reportIds]) => ({
    rule,
    scope,
    category: null,
    ticketId: null,
    reportIds,
    measure: null,
    slaDueAt: null,
  }));
}

/** Where a report counts toward a spike: one window per scope of the rule's level and category. */
export interface SpikeWindowKey {
  readonly scope: string;
  readonly category: AlertReportFacts['category'];
}

export function spikeWindowKey(rule: SpikeRule, report: AlertReportFacts): SpikeWindowKey | null {
  if (!matchesReport(rule.match, report)) return null;
  return { scope: scopeAt(rule.level, report.gridCode), category: report.category };
}

/**
 * The sliding window that ends now: reports reported after `opensAfterMs` and not after `endsAtMs` (a report from
 * a client whose clock runs ahead waits until its time comes). Exclusive start, inclusive end.
 */
export interface SpikeWindow {
  readonly opensAfterMs: number;
  readonly endsAtMs: number;
}

export function spikeWindowAt(rule: SpikeRule, nowMs: number): SpikeWindow {
  return { opensAfterMs: nowMs - rule.windowMinutes * MINUTE_MS, endsAtMs: nowMs };
}

/**
 * A spike once `count` reports are in the window. `reportIds` are the reports to put behind the alert: those that
 * made it fire, or the new ones when it is already open.
 */
export function spikeCandidate(rule: SpikeRule, key: SpikeWindowKey, count: number, reportIds: readonly string[]): AlertCandidate | null {
  if (count < rule.threshold) return null;
  return {
    rule,
    scope: key.scope,
    category: key.category,
    ticketId: null,
    reportIds,
    measure: { value: count, threshold: rule.threshold, baseline: null, windowMinutes: rule.windowMinutes },
    slaDueAt: null,
  };
}

export interface AnomalyVerdict {
  readonly fires: boolean;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly ratio: number | null;
  readonly zScore: number | null;
}

/**
 * This hour's count against the same hour of the previous days. A baseline of zeros has no spread, so the z-score
 * uses a spread of at least 1 report and the ratio a mean of at least 1: a quiet street going from 0 to 3 is not
 * an anomaly, one going from 2 to 40 is.
 */
export function anomalyVerdict(rule: AnomalyRule, current: number, baseline: readonly number[]): AnomalyVerdict {
  const mean = baseline.length === 0 ? 0 : baseline.reduce((sum, value) => sum + value, 0) / baseline.length;
  const variance = baseline.length === 0 ? 0 : baseline.reduce((sum, value) => sum + (value - mean) ** 2, 0) / baseline.length;
  const standardDeviation = Math.sqrt(variance);
  const ratio = current / Math.max(mean, 1);
  const zScore = (current - mean) / Math.max(standardDeviation, 1);
  const byRatio = rule.ratioAtLeast !== undefined && ratio >= rule.ratioAtLeast;
  const byZ = rule.zScoreAtLeast !== undefined && zScore >= rule.zScoreAtLeast;
  return {
    fires: baseline.length > 0 && current >= rule.minReports && (byRatio || byZ),
    mean,
    standardDeviation,
    ratio,
    zScore,
  };
}

export function anomalyCandidate(rule: AnomalyRule, scope: string, current: number, baseline: readonly number[]): AlertCandidate | null {
  const verdict = anomalyVerdict(rule, current, baseline);
  if (!verdict.fires) return null;
  return {
    rule,
    scope,
    category: null,
    ticketId: null,
    reportIds: [],
    measure: { value: current, threshold: rule.minReports, baseline: Math.round(verdict.mean * 10) / 10, windowMinutes: 60 },
    slaDueAt: null,
  };
}

const AWAITING_DISPATCH = new Set<string>(['reported']);
const OPEN_STATES = new Set<string>(OPEN_TICKET_STATES);

/** The deadline the rule watches, when the ticket is still subject to it (a suspended ticket's clock is paused). */
export function slaDeadlineOf(rule: SlaRule, ticket: Pick<TicketSnapshot, 'state' | 'dispatchDueAt' | 'dueAt'>): string | null {
  if (rule.deadline === 'dispatch') return AWAITING_DISPATCH.has(ticket.state) ? ticket.dispatchDueAt : null;
  return OPEN_STATES.has(ticket.state) ? ticket.dueAt : null;
}

/** Whether the ticket breaches the rule now: its deadline has passed and it has not moved past what the rule awaits. */
export function breachesSla(rule: SlaRule, ticket: Pick<TicketSnapshot, 'state' | 'dispatchDueAt' | 'dueAt' | 'gridCode' | 'category' | 'severity'>, nowMs: number): boolean {
  const deadline = slaDeadlineOf(rule, ticket);
  return deadline !== null && Date.parse(deadline) <= nowMs && matchesReport(rule.match, ticket);
}

/**
 * When a breach becomes the desk's business: at the deadline for a ticket the platform held before it, but only
 * `graceMinutes` after arrival for one that came in already overdue.
 */
export function slaBreachNoticedAt(deadlineMs: number, arrivedAtMs: number, graceMinutes: number): number {
  return deadlineMs > arrivedAtMs ? deadlineMs : arrivedAtMs + graceMinutes * MINUTE_MS;
}

export function slaCandidate(rule: SlaRule, ticket: TicketSnapshot, nowMs: number): AlertCandidate | null {
  if (!breachesSla(rule, ticket, nowMs)) return null;
  return {
    rule,
    scope: scopeAt('grid', ticket.gridCode),
    category: ticket.category,
    ticketId: ticket.id,
    reportIds: [ticket.id],
    measure: null,
    slaDueAt: slaDeadlineOf(rule, ticket),
  };
}

const SETTLED_STATES = new Set<string>(CLOSED_TICKET_STATES);

/**
 * Whether a report alert (critical, spike) has nothing left to act on: every one of its reports' tickets is
 * resolved or verified. Only decidable when the alert still lists all its reports; a long spike that outgrew the
 * list stays for an officer to close.
 */
export function reportAlertSettled(alert: Pick<Alert, 'kind' | 'reportIds' | 'reportCount'>, tickets: ReadonlyMap<string, Pick<TicketSnapshot, 'state'>>): boolean {
  if (alert.kind !== 'critical' && alert.kind !== 'spike') return false;
  if (alert.reportIds.length === 0 || alert.reportIds.length < alert.reportCount) return false;
  return alert.reportIds.every((id) => SETTLED_STATES.has(tickets.get(id)?.state ?? ''));
}
