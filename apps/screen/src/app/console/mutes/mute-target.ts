import type { Alert, AlertMuteRequest } from '@grid-command/contracts';

/** What a mute made from the selected alert holds back: its rule, its scope (and everything under it), or both. */
export interface MuteTarget {
  readonly byRule: boolean;
  readonly byScope: boolean;
}

/**
 * As narrow as the alert it comes from: its rule in its scope. The rule alone would hold that rule back in every
 * scope the officer watches, the whole district, for a known event in one grid.
 */
export const DEFAULT_MUTE_TARGET: MuteTarget = { byRule: true, byScope: true };

/** The rule and scope of the mute; null when neither is ticked (the server refuses a mute of nothing). */
export function muteTargetOf(alert: Pick<Alert, 'ruleId' | 'scope'>, target: MuteTarget): Pick<AlertMuteRequest, 'ruleId' | 'scope'> | null {
  if (!target.byRule && !target.byScope) return null;
  return { ...(target.byRule ? { ruleId: alert.ruleId } : {}), ...(target.byScope ? { scope: alert.scope } : {}) };
}
