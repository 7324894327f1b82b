import {
  ALERT_ACTIONS,
  ALERT_STATES,
  alertRuleSchema,
  type Alert,
  type AlertAction,
  type AttributedAlertAction,
  type AlertMute,
  type AlertState,
  type CriticalRule,
  type ResponseBounds,
} from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import type { AlertCandidate } from './alert-candidate';
import { applyAlertAction, autoClose, dueResponse, escalationTarget, nextDeadline, openAlert, withReports } from './alert-lifecycle';
import { findMute } from './alert-mutes';
import { decideRaise } from './raise-decision';

const MINUTE = 60_000;
const T0 = new Date('2026-11-25T02:00:00.000Z');
const after = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const bounds: ResponseBounds = { acknowledgeMinutes: 2, reportInMinutes: 30 };

const rule = alertRuleSchema.parse({
  id: 'critical-report',
  kind: 'critical',
  name: { zh: '特急事件', en: 'Critical report' },
  severity: 'critical',
  cooldownMinutes: 10,
  anyOf: [{ severityAtLeast: 4 }],
}) as CriticalRule;

const candidate: AlertCandidate = {
  rule,
  scope: 'grid:450103001002015',
  category: null,
  ticketId: null,
  reportIds: ['00000000-0000-4000-8000-000000000001'],
  measure: null,
  slaDueAt: null,
};

const opened = (): Alert => openAlert(candidate, { id: '10000000-0000-4000-8000-000000000001', scopeName: '第十五网格', now: T0, bounds });

function act(alert: Alert, action: AlertAction, at = after(1), extra: Partial<AttributedAlertAction> = {}): Alert {
  const outcome = applyAlertAction(alert, { action, by: '值班员甲', department: '燃气公司', note: '已处置', ...extra }, at, bounds);
  if (outcome.kind !== 'applied') throw new Error(`${action} refused: ${outcome.message}`);
  return outcome.alert;
}

function inState(state: AlertState): Alert {
  const alert = opened();
  if (state === 'open') return alert;
  if (state === 'acknowledged') return act(alert, 'acknowledge');
  if (state === 'dispatched') return act(alert, 'dispatch');
  return act(alert, 'close');
}

describe('openAlert', () => {
  it('opens with the rule, the scope, a storm group, the dedup key and an acknowledgement bound', () => {
    const alert = opened();
    expect(alert).toMatchObject({
      state: 'open',
      severity: 'critical',
      kind: 'critical',
      version: 1,
      reportCount: 1,
      groupKey: 'critical-report|street:450103001',
      dedupKey: 'critical-report|grid:450103001002015||',
      title: { zh: '特急事件 · 第十五网格', en: 'Critical report · 第十五网格' },
      deadline: { kind: 'acknowledge', at: after(2).toISOString() },
    });
    expect(alert.actions).toEqual([{ change: 'opened', at: T0.toISOString(), by: 'system', department: null, note: null, escalatedTo: null }]);
  });
});

describe('applyAlertAction', () => {
  // Written out by hand: which action each state allows.
  const legal: Record<AlertState, readonly AlertAction[]> = {
    open: ['acknowledge', 'dispatch', 'escalate', 'close'],
    acknowledged: ['dispatch', 'escalate', 'close'],
    dispatched: ['report_in', 'escalate', 'close'],
    closed: [],
  };
  for (const state of ALERT_STATES) {
    for (const action of ALERT_ACTIONS) {
      const allowed = legal[state].includes(action);
      it(`${allowed ? 'allows' : 'refuses'} ${action} when ${state}`, () => {
        const outcome = applyAlertAction(inState(state), { action, by: '值班员乙', department: '城管执法局', note: '说明' }, after(3), bounds);
        expect(outcome.kind).toBe(allowed ? 'applied' : 'conflict');
      });
    }
  }

  it('records who acted and when, and moves the version on', () => {
    const alert = act(opened(), 'acknowledge', after(1));
    expect(alert).toMatchObject({ state: 'acknowledged', acknowledgedBy: '值班员甲', acknowledgedAt: after(1).toISOString(), version: 2, deadline: null });
    expect(alert.actions.at(-1)).toMatchObject({ change: 'acknowledge', by: '值班员甲', at: after(1).toISOString() });
  });

  it('lets the second of two officers know who got there first', () => {
    const first = act(opened(), 'acknowledge');
    const second = applyAlertAction(first, { action: 'acknowledge', by: '值班员乙' }, after(1), bounds);
    expect(second).toEqual({ kind: 'conflict', message: 'alert is already acknowledged (acknowledged by 值班员甲)' });
  });

  it('refuses an action on a version the officer was not looking at', () => {
    const outcome = applyAlertAction(act(opened(), 'escalate'), { action: 'close', by: 'x', note: 'n', expectedVersion: 1 }, after(2), bounds);
    expect(outcome.kind).toBe('conflict');
  });

  it('takes a dispatch as an acknowledgement too, and then waits for the department to report in', () => {
    const alert = act(opened(), 'dispatch', after(1));
    expect(alert).toMatchObject({ state: 'dispatched', department: '燃气公司', acknowledgedBy: '值班员甲', loud: false });
    expect(alert.deadline).toEqual({ kind: 'report_in', at: after(31).toISOString() });
    const reportedIn = act(alert, 'report_in', after(10));
    expect(reportedIn).toMatchObject({ reportedInAt: after(10).toISOString(), deadline: null });
    expect(applyAlertAction(reportedIn, { action: 'report_in', by: 'x' }, after(11), bounds).kind).toBe('conflict');
  });

  it('escalates one level at a time, up to the district and no further', () => {
    let alert = opened();
    const targets: Array<string | null> = [];
    for (let step = 0; step < 3; step += 1) {
      alert = act(alert, 'escalate', after(step + 1));
      targets.push(alert.escalatedTo);
    }
    expect(targets).toEqual(['community:450103001002', 'street:450103001', 'district:450103']);
    expect(alert.escalations).toBe(3);
    expect(escalationTarget(alert)).toBeNull();
    expect(applyAlertAction(alert, { action: 'escalate', by: 'x' }, after(5), bounds).kind).toBe('conflict');
  });

  it('closes with the note and waits for nothing more', () => {
    const alert = act(opened(), 'close', after(4), { note: '误报' });
    expect(alert).toMatchObject({ state: 'closed', closedAt: after(4).toISOString(), deadline: null });
    expect(alert.actions.at(-1)?.note).toBe('误报');
  });
});

describe('response bounds', () => {
  it('re-notifies louder at the bound, escalates at twice the bound, and restarts the clock', () => {
    const alert = opened();
    expect(dueResponse(alert, after(1.99), bounds)).toBeNull();
    const louder = dueResponse(alert, after(2), bounds);
    expect(louder).toMatchObject({ loud: true, state: 'open', escalations: 0, version: 2, deadline: { kind: 'acknowledge', at: after(4).toISOString() } });
    expect(louder && dueResponse(louder, after(3), bounds)).toBeNull();
    const escalated = louder && dueResponse(louder, after(4), bounds);
    expect(escalated).toMatchObject({ escalations: 1, escalatedTo: 'community:450103001002', loud: true });
    expect(escalated?.actions.at(-1)).toMatchObject({ change: 'escalate', by: 'system' });
    expect(escalated?.deadline).toEqual({ kind: 'acknowledge', at: after(6).toISOString() });
  });

  it('escalates a dispatched alert whose department does not report in, and not once it has', () => {
    const dispatched = act(opened(), 'dispatch', after(1));
    expect(dueResponse(dispatched, after(30.9), bounds)).toBeNull();
    const escalated = dueResponse(dispatched, after(31), bounds);
    expect(escalated).toMatchObject({ escalations: 1, state: 'dispatched', deadline: { kind: 'report_in', at: after(61).toISOString() } });
    expect(dueResponse(act(dispatched, 'report_in', after(5)), after(100), bounds)).toBeNull();
  });

  it('waits for nobody once acknowledged', () => {
    expect(nextDeadline(act(opened(), 'acknowledge'), bounds)).toBeNull();
    expect(dueResponse(act(opened(), 'acknowledge'), after(1000), bounds)).toBeNull();
  });

  it('at the top level re-notifies once and then stops asking', () => {
    let alert = opened();
    for (let step = 0; step < 3; step += 1) alert = act(alert, 'escalate', after(0));
    const louder = dueResponse(alert, after(2), bounds);
    expect(louder).toMatchObject({ loud: true, escalations: 3, deadline: null });
    expect(louder && dueResponse(louder, after(500), bounds)).toBeNull();
  });
});

describe('withReports and autoClose', () => {
  it('adds new reports, keeps a count of distinct ones, and is a no-op for a retried batch', () => {
    const alert = opened();
    const grown = withReports(alert, ['00000000-0000-4000-8000-000000000002'], 2, null, after(1));
    expect(grown).toMatchObject({ reportCount: 2, version: 2 });
    expect(grown?.reportIds).toHaveLength(2);
    expect(grown && withReports(grown, ['00000000-0000-4000-8000-000000000002'], 2, null, after(2))).toBeNull();
  });

  it('caps the listed ids at the latest 50 while counting all', () => {
    const ids = Array.from({ length: 60 }, (_, index) => `00000000-0000-4000-8000-${String(index + 100).padStart(12, '0')}`);
    const grown = withReports(opened(), ids, 61, null, after(1));
    expect(grown?.reportIds).toHaveLength(50);
    expect(grown?.reportIds.at(-1)).toBe(ids.at(-1));
    expect(grown?.reportCount).toBe(61);
  });

  it('closes by itself with the reason, as the system', () => {
    const closed = autoClose(opened(), after(5), '工单已派单');
    expect(closed).toMatchObject({ state: 'closed', deadline: null, version: 2 });
    expect(closed.actions.at(-1)).toMatchObject({ change: 'auto_closed', by: 'system', note: '工单已派单' });
  });
});

describe('decideRaise and mutes', () => {
  const mute = (extra: Partial<AlertMute>): AlertMute => ({
    id: '20000000-0000-4000-8000-000000000001',
    ruleId: null,
    scope: null,
    from: T0.toISOString(),
    until: after(60).toISOString(),
    reason: '管道检修',
    by: '运维',
    createdAt: T0.toISOString(),
    suppressed: 0,
    ...extra,
  });

  it('mutes by rule, by scope (and everything under it), or both, only inside the window', () => {
    const now = after(1).getTime();
    expect(findMute([mute({ ruleId: rule.id })], rule.id, candidate.scope, now)).not.toBeNull();
    expect(findMute([mute({ ruleId: 'other' })], rule.id, candidate.scope, now)).toBeNull();
    expect(findMute([mute({ scope: 'street:450103001' })], rule.id, candidate.scope, now)).not.toBeNull();
    expect(findMute([mute({ scope: 'street:450103002' })], rule.id, candidate.scope, now)).toBeNull();
    expect(findMute([mute({ scope: 'street:450103001' })], rule.id, candidate.scope, after(60).getTime())).toBeNull();
    expect(findMute([mute({ scope: 'street:450103001', from: after(5).toISOString() })], rule.id, candidate.scope, now)).toBeNull();
    expect(decideRaise(candidate, { openAlertId: null, lastGrowthWrittenAtMs: null, heldBackUntilMs: null, lastClosedAtMs: null, mutes: [mute({ ruleId: rule.id })] }, now).kind).toBe('muted');
  });
});
