import type { Alert, AlertMute, AlertRule } from '@grid-command/contracts';
import type { AlertCandidate } from './alert-candidate';
import { findMute } from './alert-mutes';

const MINUTE_MS = 60_000;
/**
 * An open alert that keeps growing (a spike during a campaign) is rewritten and announced at most this often; in
 * between its reports are counted and the growth is written once the interval has passed.
 */
export const GROWTH_NOTICE_INTERVAL_MS = 5_000;

/** What is known about the candidate's rule and subject when it fires. */
export interface RaiseContext {
  /** The id of the alert of the same rule and subject that is not closed, if any. */
  readonly openAlertId: string | null;
  /** When growth was last written to that alert (by this process), if it was. */
  readonly lastGrowthWrittenAtMs: number | null;
  /** When growth of that alert already held back (by this process) is to be written, if any is. */
  readonly heldBackUntilMs: number | null;
  /** When the last alert of the same rule and subject was closed, while that is within the cooldown. */
  readonly lastClosedAtMs: number | null;
  readonly mutes: readonly AlertMute[];
}

export type RaiseDecision =
  /** Write the growth to the open alert now: the write announces it. */
  | { readonly kind: 'grow_now'; readonly alertId: string }
  /** Count the reports in now, write and announce the growth at `untilMs`, with whatever else came meanwhile. */
  | { readonly kind: 'hold_back'; readonly alertId: string; readonly untilMs: number }
  | { readonly kind: 'muted'; readonly mute: AlertMute }
  | { readonly kind: 'cooling_down'; readonly untilMs: number }
  | { readonly kind: 'open' };

/**
 * Whether each report of the rule goes to the desk as soon as it is raised (its growth never held back): a 特急
 * report is an incident of its own, and a critical alert is what the desk sounds for. Critical reports are few, so
 * writing each one costs little; the hold-back is for the bursts of a campaign's spikes.
 */
export function announcesEveryReport(rule: Pick<AlertRule, 'kind' | 'severity'>): boolean {
  return rule.kind === 'critical' || rule.severity === 'critical';
}

/**
 * One alert per rule and subject. A condition that holds again while its alert is open adds to that alert (even
 * under a mute set later: the officer is already on it): at once for a rule that announces every report, else at
 * once unless growth was written within the interval, in which case it is held back until the interval has passed
 * (never longer than one interval from now, should clocks disagree), or growth is held back already, which it joins
 * to be written in the same write. Without an open alert a mute holds it back:
 * an officer's mute is explicit, bounded and counts what it held, so it may hold back a critical report too. Then
 * the cooldown after the last close holds back a repeat of the condition, except for a critical rule: its
 * candidates carry only reports no alert has announced yet (the others are marked), each one news, not a repeat.
 * Only then does a new alert open.
 */
export function decideRaise(candidate: Pick<AlertCandidate, 'rule' | 'scope'>, context: RaiseContext, nowMs: number): RaiseDecision {
  const { rule } = candidate;
  if (context.openAlertId !== null) {
    const alertId = context.openAlertId;
    const last = context.lastGrowthWrittenAtMs;
    if (announcesEveryReport(rule)) return { kind: 'grow_now', alertId };
    if (context.heldBackUntilMs !== null) return { kind: 'hold_back', alertId, untilMs: context.heldBackUntilMs };
    if (last === null || nowMs - last >= GROWTH_NOTICE_INTERVAL_MS) return { kind: 'grow_now', alertId };
    return { kind: 'hold_back', alertId, untilMs: Math.min(last, nowMs) + GROWTH_NOTICE_INTERVAL_MS };
  }
  const mute = findMute(context.mutes, rule.id, candidate.scope, nowMs);
  if (mute) return { kind: 'muted', mute };
  if (context.lastClosedAtMs !== null && rule.kind !== 'critical') {
    const untilMs = context.lastClosedAtMs + rule.cooldownMinutes * MINUTE_MS;
    if (nowMs < untilMs) return { kind: 'cooling_down', untilMs };
  }
  return { kind: 'open' };
}

export type HeldBackFlush<A> = { readonly kind: 'write_growth'; readonly alert: A } | { readonly kind: 'raise_again' };

/**
 * What writing held-back growth does with the alert as it now stands: add the growth to a live alert, or, when the
 * alert was closed (or has expired) meanwhile, raise the held reports again under the rules above, as if they had
 * just come: nothing held back may vanish with the alert it was meant for.
 */
export function heldBackFlush<A extends Pick<Alert, 'state'>>(stored: A | null): HeldBackFlush<A> {
  return stored === null || stored.state === 'closed' ? { kind: 'raise_again' } : { kind: 'write_growth', alert: stored };
}
