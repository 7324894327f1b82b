import { alertRuleSchema, type AlertMute, type AlertState } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { announcesEveryReport, decideRaise, GROWTH_NOTICE_INTERVAL_MS, heldBackFlush, type RaiseContext } from './raise-decision';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const ALERT_ID = '10000000-0000-4000-8000-000000000001';
const SCOPE = 'grid:450103001001001';

const critical = alertRuleSchema.parse({
  id: 'critical-report',
  kind: 'critical',
  name: { zh: '特急事件', en: 'Critical report' },
  severity: 'critical',
  cooldownMinutes: 10,
  anyOf: [{ severityAtLeast: 4 }],
});
const spike = alertRuleSchema.parse({
  id: 'noise-spike',
  kind: 'spike',
  name: { zh: '噪音集中投诉', en: 'Noise spike' },
  severity: 'major',
  level: 'community',
  threshold: 10,
  windowMinutes: 30,
  cooldownMinutes: 60,
});
const criticalSpike = alertRuleSchema.parse({ ...spike, id: 'gas-spike', severity: 'critical' });

const mute = (extra: Partial<AlertMute> = {}): AlertMute => ({
  id: '20000000-0000-4000-8000-000000000001',
  ruleId: null,
  scope: null,
  from: new Date(T0).toISOString(),
  until: new Date(T0 + 60 * MINUTE).toISOString(),
  reason: '管道检修',
  by: '运维',
  createdAt: new Date(T0).toISOString(),
  suppressed: 0,
  ...extra,
});

const open = (lastGrowthWrittenAtMs: number | null, extra: Partial<RaiseContext> = {}): RaiseContext => ({
  openAlertId: ALERT_ID,
  lastGrowthWrittenAtMs,
  heldBackUntilMs: null,
  lastClosedAtMs: null,
  mutes: [],
  ...extra,
});
const none = (extra: Partial<RaiseContext> = {}): RaiseContext => ({ openAlertId: null, lastGrowthWrittenAtMs: null, heldBackUntilMs: null, lastClosedAtMs: null, mutes: [], ...extra });

describe('decideRaise: growth of an open alert', () => {
  it('never holds back critical growth, however recently the alert grew', () => {
    for (const sinceMs of [0, 1, GROWTH_NOTICE_INTERVAL_MS - 1]) {
      expect(decideRaise({ rule: critical, scope: SCOPE }, open(T0), T0 + sinceMs)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
    }
  });

  it('never holds back growth of a rule of critical severity, even a spike', () => {
    expect(announcesEveryReport(criticalSpike)).toBe(true);
    expect(announcesEveryReport(spike)).toBe(false);
    expect(decideRaise({ rule: criticalSpike, scope: SCOPE }, open(T0), T0 + 1)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
  });

  it('writes spike growth at once when none was written yet, or the interval has passed (the boundary included)', () => {
    expect(decideRaise({ rule: spike, scope: SCOPE }, open(null), T0)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
    expect(decideRaise({ rule: spike, scope: SCOPE }, open(T0), T0 + GROWTH_NOTICE_INTERVAL_MS)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
  });

  it('holds spike growth back until one interval after the last write, just inside the interval', () => {
    expect(decideRaise({ rule: spike, scope: SCOPE }, open(T0), T0 + GROWTH_NOTICE_INTERVAL_MS - 1)).toEqual({
      kind: 'hold_back',
      alertId: ALERT_ID,
      untilMs: T0 + GROWTH_NOTICE_INTERVAL_MS,
    });
    expect(decideRaise({ rule: spike, scope: SCOPE }, open(T0), T0)).toEqual({ kind: 'hold_back', alertId: ALERT_ID, untilMs: T0 + GROWTH_NOTICE_INTERVAL_MS });
  });

  it('joins spike growth already held back, even once the interval has passed, so both go in one write at its time', () => {
    const heldUntil = T0 + GROWTH_NOTICE_INTERVAL_MS;
    const context = open(T0, { heldBackUntilMs: heldUntil });
    expect(decideRaise({ rule: spike, scope: SCOPE }, context, heldUntil + 1)).toEqual({ kind: 'hold_back', alertId: ALERT_ID, untilMs: heldUntil });
    expect(decideRaise({ rule: critical, scope: SCOPE }, context, T0 + 1)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
  });

  it('holds back no longer than one interval from now when the last write seems to lie ahead (a clock stepped back)', () => {
    const decision = decideRaise({ rule: spike, scope: SCOPE }, open(T0 + 60 * MINUTE), T0);
    expect(decision).toEqual({ kind: 'hold_back', alertId: ALERT_ID, untilMs: T0 + GROWTH_NOTICE_INTERVAL_MS });
  });

  it('adds to the open alert under a mute set later: the officer is already on it', () => {
    expect(decideRaise({ rule: critical, scope: SCOPE }, open(null, { mutes: [mute()] }), T0 + MINUTE)).toEqual({ kind: 'grow_now', alertId: ALERT_ID });
  });
});

describe('decideRaise: no open alert', () => {
  it('opens a critical alert at any point of the cooldown after a close: just after it, inside it, at its end', () => {
    for (const sinceCloseMs of [0, 1, 5 * MINUTE, 10 * MINUTE - 1, 10 * MINUTE]) {
      expect(decideRaise({ rule: critical, scope: SCOPE }, none({ lastClosedAtMs: T0 }), T0 + sinceCloseMs)).toEqual({ kind: 'open' });
    }
  });

  it('holds a spike back from the close until the cooldown ends, and opens exactly at its end', () => {
    const until = T0 + 60 * MINUTE;
    expect(decideRaise({ rule: spike, scope: SCOPE }, none({ lastClosedAtMs: T0 }), T0)).toEqual({ kind: 'cooling_down', untilMs: until });
    expect(decideRaise({ rule: spike, scope: SCOPE }, none({ lastClosedAtMs: T0 }), until - 1)).toEqual({ kind: 'cooling_down', untilMs: until });
    expect(decideRaise({ rule: spike, scope: SCOPE }, none({ lastClosedAtMs: T0 }), until)).toEqual({ kind: 'open' });
  });

  it('lets an officer’s mute hold back a new critical alert, and only inside the mute’s window', () => {
    const muted = mute({ ruleId: critical.id, from: new Date(T0).toISOString(), until: new Date(T0 + 30 * MINUTE).toISOString() });
    expect(decideRaise({ rule: critical, scope: SCOPE }, none({ mutes: [muted] }), T0 - 1)).toEqual({ kind: 'open' });
    expect(decideRaise({ rule: critical, scope: SCOPE }, none({ mutes: [muted] }), T0)).toEqual({ kind: 'muted', mute: muted });
    expect(decideRaise({ rule: critical, scope: SCOPE }, none({ mutes: [muted] }), T0 + 30 * MINUTE - 1)).toEqual({ kind: 'muted', mute: muted });
    expect(decideRaise({ rule: critical, scope: SCOPE }, none({ mutes: [muted] }), T0 + 30 * MINUTE)).toEqual({ kind: 'open' });
  });

  it('counts a spike held by both a mute and a cooldown against the mute, which says what it held', () => {
    expect(decideRaise({ rule: spike, scope: SCOPE }, none({ mutes: [mute()], lastClosedAtMs: T0 }), T0 + 1).kind).toBe('muted');
  });
});

describe('heldBackFlush: held-back growth meeting the alert as it now stands', () => {
  it.each<AlertState>(['open', 'acknowledged', 'dispatched'])('writes the growth to a %s alert', (state) => {
    expect(heldBackFlush({ state })).toEqual({ kind: 'write_growth', alert: { state } });
  });

  it('raises the held reports again when the alert was closed meanwhile, or is gone', () => {
    expect(heldBackFlush({ state: 'closed' })).toEqual({ kind: 'raise_again' });
    expect(heldBackFlush(null)).toEqual({ kind: 'raise_again' });
  });

  it('a critical report raised again just after the close opens a new alert; a spike raised again waits out its cooldown', () => {
    const closedAt = T0;
    expect(decideRaise({ rule: critical, scope: SCOPE }, none({ lastClosedAtMs: closedAt }), closedAt + 1)).toEqual({ kind: 'open' });
    expect(decideRaise({ rule: spike, scope: SCOPE }, none({ lastClosedAtMs: closedAt }), closedAt + 1).kind).toBe('cooling_down');
    expect(decideRaise({ rule: { ...spike, cooldownMinutes: 0 }, scope: SCOPE }, none({ lastClosedAtMs: closedAt }), closedAt + 1)).toEqual({ kind: 'open' });
  });
});
