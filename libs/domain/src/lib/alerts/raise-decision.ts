import type { Alert, AlertMute } from '@grid-command/contracts';
import type { AlertCandidate } from './alert-candidate';
import { findMute } from './alert-mutes';

const MINUTE_MS = 60_000;

/** What is known about the candidate's rule and subject when it fires. */
export interface RaiseContext {
  /** The alert of the same rule and subject that is not closed, if any. */
  readonly open: Alert | null;
  /** When the last alert of the same rule and subject was closed, while that is within the cooldown. */
  readonly lastClosedAtMs: number | null;
  readonly mutes: readonly AlertMute[];
}

export type RaiseDecision =
  | { readonly kind: 'attach'; readonly alert: Alert }
  | { readonly kind: 'muted'; readonly mute: AlertMute }
  | { readonly kind: 'cooling_down'; readonly untilMs: number }
  | { readonly kind: 'open' };

/**
 * One alert per rule and subject: a condition that holds again while its alert is open adds to that alert (even
 * under a mute set later: the officer is already on it); otherwise a mute holds it back, then the cooldown after
 * the last close does, and only then does a new alert open.
 */
export function decideRaise(candidate: AlertCandidate, context: RaiseContext, nowMs: number): RaiseDecision {
  if (context.open) return { kind: 'attach', alert: context.open };
  const mute = findMute(context.mutes, candidate.rule.id, candidate.scope, nowMs);
  if (mute) return { kind: 'muted', mute };
  if (context.lastClosedAtMs !== null) {
    const untilMs = context.lastClosedAtMs + candidate.rule.cooldownMinutes * MINUTE_MS;
    if (nowMs < untilMs) return { kind: 'cooling_down', untilMs };
  }
  return { kind: 'open' };
}
