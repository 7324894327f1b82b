import {
  MAX_ALERT_REPORT_IDS,
  SCOPE_CODE_LENGTH,
  type ScopeLevel,
  SYSTEM_ACTOR,
  type Alert,
  type AlertActionRecord,
  type AttributedAlertAction,
  type AlertChange,
  type AlertDeadline,
  type AlertMeasure,
  type ResponseBounds,
} from '@grid-command/contracts';
import { formatScope, parentOf, parseScope } from '../scope';
import { dedupKeyOf, type AlertCandidate } from './alert-candidate';

const MINUTE_MS = 60_000;

/** Names the engine needs and the rules do not carry. */
export interface AlertOpening {
  readonly id: string;
  readonly scopeName: string;
  readonly now: Date;
  readonly bounds: ResponseBounds;
}

export function openAlert(candidate: AlertCandidate, opening: AlertOpening): Alert {
  const at = opening.now.toISOString();
  const { rule } = candidate;
  const alert: Alert = {
    id: opening.id,
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    title: { zh: `${rule.name.zh} · ${opening.scopeName}`, en: `${rule.name.en} · ${opening.scopeName}` },
    scope: candidate.scope,
    scopeName: opening.scopeName,
    category: candidate.category,
    ticketId: candidate.ticketId,
    reportIds: candidate.reportIds.slice(-MAX_ALERT_REPORT_IDS),
    reportCount: candidate.reportIds.length,
    measure: candidate.measure,
    slaDueAt: candidate.slaDueAt,
    state: 'open',
    loud: false,
    escalations: 0,
    escalatedTo: null,
    department: null,
    deadline: null,
    groupKey: `${rule.id}|${groupScope(candidate.scope, rule.groupBy)}`,
    dedupKey: dedupKeyOf(candidate),
    openedAt: at,
    updatedAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    dispatchedAt: null,
    reportedInAt: null,
    closedAt: null,
    version: 1,
    actions: [record('opened', at, SYSTEM_ACTOR)],
  };
  return { ...alert, deadline: nextDeadline(alert, opening.bounds) };
}

/** The ancestor of the alert's scope at the group level, or the scope itself when it is already at or above it. */
function groupScope(scope: string, level: ScopeLevel): string {
  const parsed = parseScope(scope);
  const length = SCOPE_CODE_LENGTH[level];
  return parsed.code.length <= length ? scope : formatScope({ level, code: parsed.code.slice(0, length) });
}

function record(change: AlertChange, at: string, by: string, extra: Partial<AlertActionRecord> = {}): AlertActionRecord {
  return { change, at, by, department: null, note: null, escalatedTo: null, ...extra };
}

/**
 * The alert with more reports behind it, or null when it already had them all and the measure is unchanged (a
 * retried batch). `reportCount` is the caller's count of distinct reports, which survives the capped id list.
 */
export function withReports(alert: Alert, reportIds: readonly string[], reportCount: number, measure: AlertMeasure | null, now: Date): Alert | null {
  const known = new Set(alert.reportIds);
  const fresh = reportIds.filter((id) => !known.has(id));
  const grownMeasure = measure !== null && (alert.measure === null || measure.value > alert.measure.value) ? measure : alert.measure;
  if (fresh.length === 0 && reportCount <= alert.reportCount && grownMeasure === alert.measure) return null;
  return {
    ...alert,
    reportIds: [...alert.reportIds, ...fresh].slice(-MAX_ALERT_REPORT_IDS),
    reportCount: Math.max(alert.reportCount, reportCount),
    measure: grownMeasure,
    updatedAt: now.toISOString(),
    version: alert.version + 1,
  };
}

export type AlertActionOutcome =
  | { readonly kind: 'applied'; readonly alert: Alert }
  | { readonly kind: 'conflict'; readonly message: string };

/** What a level up means: the parent of the scope last escalated to (or of the alert's own scope); none above a district. */
export function escalationTarget(alert: Pick<Alert, 'scope' | 'escalatedTo'>): string | null {
  const parent = parentOf(parseScope(alert.escalatedTo ?? alert.scope));
  return parent ? formatScope(parent) : null;
}

/**
 * An officer's action, if the alert's state allows it. Refusals are conflicts: the alert moved on (someone else
 * acted first) or never was where the action needs it, and the caller shows the alert as it now stands.
 */
export function applyAlertAction(alert: Alert, request: AttributedAlertAction, now: Date, bounds: ResponseBounds): AlertActionOutcome {
  if (request.expectedVersion !== undefined && request.expectedVersion !== alert.version) {
    return conflict(`alert changed since version ${request.expectedVersion}: it is now ${alert.state} (version ${alert.version})`);
  }
  if (alert.state === 'closed') return conflict(`alert is already closed`);
  const at = now.toISOString();
  const by = request.by;
  const note = request.note ?? null;
  switch (request.action) {
    case 'acknowledge':
      if (alert.state !== 'open') return conflict(`alert is already ${alert.state}${alert.acknowledgedBy ? ` (acknowledged by ${alert.acknowledgedBy})` : ''}`);
      return applied(alert, bounds, { state: 'acknowledged', loud: false, acknowledgedAt: at, acknowledgedBy: by }, record('acknowledge', at, by, { note }));
    case 'dispatch': {
      if (alert.state === 'dispatched') return conflict(`alert is already dispatched to ${alert.department ?? 'a department'}`);
      const department = request.department ?? '';
      return applied(
        alert,
        bounds,
        {
          state: 'dispatched',
          loud: false,
          department,
          dispatchedAt: at,
          reportedInAt: null,
          acknowledgedAt: alert.acknowledgedAt ?? at,
          acknowledgedBy: alert.acknowledgedBy ?? by,
        },
        record('dispatch', at, by, { department, note }),
      );
    }
    case 'report_in':
      if (alert.state !== 'dispatched') return conflict(`only a dispatched alert is reported in to; this one is ${alert.state}`);
      if (alert.reportedInAt !== null) return conflict(`${alert.department ?? 'the department'} already reported in at ${alert.reportedInAt}`);
      return applied(alert, bounds, { reportedInAt: at }, record('report_in', at, by, { department: alert.department, note }));
    case 'escalate':
      return escalate(alert, now, by, note, bounds) ?? conflict(`alert is already escalated to the top level (${alert.escalatedTo ?? alert.scope})`);
    case 'close':
      return applied(alert, bounds, { state: 'closed', loud: false, closedAt: at }, record('close', at, by, { note }));
  }
}

function escalate(alert: Alert, now: Date, by: string, note: string | null, bounds: ResponseBounds): AlertActionOutcome | null {
  const target = escalationTarget(alert);
  if (target === null) return null;
  const at = now.toISOString();
  return applied(
    alert,
    bounds,
    { escalations: alert.escalations + 1, escalatedTo: target },
    record('escalate', at, by, { note, escalatedTo: target, department: alert.department }),
  );
}

function applied(alert: Alert, bounds: ResponseBounds, changes: Partial<Alert>, action: AlertActionRecord): AlertActionOutcome {
  const next: Alert = { ...alert, ...changes, updatedAt: action.at, version: alert.version + 1, actions: [...alert.actions, action] };
  return { kind: 'applied', alert: { ...next, deadline: nextDeadline(next, bounds) } };
}

function conflict(message: string): AlertActionOutcome {
  return { kind: 'conflict', message };
}

/** When the alert was last put in front of someone new: opened, or escalated (which restarts the response bounds). */
function promptedAt(alert: Alert): number {
  const last = [...alert.actions].reverse().find((action) => action.change === 'opened' || action.change === 'escalate');
  return Date.parse(last?.at ?? alert.openedAt);
}

function renotifiedSince(alert: Alert, sinceMs: number): boolean {
  return alert.actions.some((action) => action.change === 'renotified' && Date.parse(action.at) >= sinceMs);
}

/**
 * The response the alert waits for and when its bound passes. An open alert waits for acknowledgement: at the
 * bound it re-notifies louder, at twice the bound it escalates. A dispatched one waits for the department's 报到
 * and escalates at the bound. Escalation restarts the clock. At the top level, with nobody left to escalate to, the
 * alert re-notifies once more and then waits for nobody; so does an acknowledged or reported-in alert.
 */
export function nextDeadline(alert: Alert, bounds: ResponseBounds): AlertDeadline | null {
  const canEscalate = escalationTarget(alert) !== null;
  if (alert.state === 'open') {
    const since = promptedAt(alert);
    const renotified = renotifiedSince(alert, since);
    if (renotified && !canEscalate) return null;
    return { kind: 'acknowledge', at: new Date(since + (renotified ? 2 : 1) * bounds.acknowledgeMinutes * MINUTE_MS).toISOString() };
  }
  if (alert.state === 'dispatched' && alert.reportedInAt === null) {
    const since = Math.max(Date.parse(alert.dispatchedAt ?? alert.updatedAt), promptedAt(alert));
    if (!canEscalate && renotifiedSince(alert, since)) return null;
    return { kind: 'report_in', at: new Date(since + bounds.reportInMinutes * MINUTE_MS).toISOString() };
  }
  return null;
}

/**
 * What the platform does by itself once a response bound has passed: re-notify louder, then escalate (吹哨), or at
 * the top level re-notify. Null when nothing is due.
 */
export function dueResponse(alert: Alert, now: Date, bounds: ResponseBounds): Alert | null {
  const deadline = nextDeadline(alert, bounds);
  if (deadline === null || Date.parse(deadline.at) > now.getTime()) return null;
  const at = now.toISOString();
  const firstMiss = deadline.kind === 'acknowledge' && !renotifiedSince(alert, promptedAt(alert));
  if (!firstMiss) {
    const why =
      deadline.kind === 'acknowledge'
        ? `no acknowledgement within ${2 * bounds.acknowledgeMinutes} min`
        : `${alert.department ?? 'the department'} did not report in (报到) within ${bounds.reportInMinutes} min`;
    const escalated = escalate({ ...alert, loud: true }, now, SYSTEM_ACTOR, why, bounds);
    if (escalated?.kind === 'applied') return escalated.alert;
  }
  const why = firstMiss ? `no acknowledgement within ${bounds.acknowledgeMinutes} min` : 'no response, and no level above to escalate to';
  const next: Alert = {
    ...alert,
    loud: true,
    updatedAt: at,
    version: alert.version + 1,
    actions: [...alert.actions, record('renotified', at, SYSTEM_ACTOR, { note: why })],
  };
  return { ...next, deadline: nextDeadline(next, bounds) };
}

/** Closed by the platform because its condition is gone: the ticket was dispatched or resolved after all. */
export function autoClose(alert: Alert, now: Date, note: string): Alert {
  const at = now.toISOString();
  return {
    ...alert,
    state: 'closed',
    loud: false,
    closedAt: at,
    deadline: null,
    updatedAt: at,
    version: alert.version + 1,
    actions: [...alert.actions, record('auto_closed', at, SYSTEM_ACTOR, { note })],
  };
}
