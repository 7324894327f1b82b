import type { AlertMute } from '@grid-command/contracts';
import { parseScope } from '../scope';

/**
 * How much one principal and everyone together may hold back at a time. A real maintenance window or known event
 * needs a handful of mutes; the limits are there so a stolen or careless session cannot silence a district
 * (issue 10: 20,000 mutes in 24 s).
 */
export interface MuteLimits {
  /** Active mutes created by one principal. */
  readonly activePerPrincipal: number;
  /** Active mutes of everyone. */
  readonly activeInTotal: number;
}

export const MUTE_LIMITS: MuteLimits = { activePerPrincipal: 10, activeInTotal: 200 };

export interface MuteRequestReach {
  readonly ruleId: string | null;
  readonly scope: string | null;
}

export interface MuteRequester {
  /** The name mutes are recorded under (`AlertMute.by`). */
  readonly name: string;
  readonly isAdmin: boolean;
}

/**
 * Why a mute may not be added now, or null when it may.
 * - `too_broad`: every rule for a whole district silences everything there; only an admin may, others name a rule
 *   or a street (or below).
 * - `limit_reached`: the principal's or everyone's active mutes are at their limit; `retryAfterSeconds` is when the
 *   soonest of the mutes that count ends.
 */
export type MuteLimitRefusal =
  | { readonly kind: 'too_broad'; readonly message: string }
  | { readonly kind: 'limit_reached'; readonly message: string; readonly retryAfterSeconds: number };

export function muteLimitRefusal(
  request: MuteRequestReach,
  requester: MuteRequester,
  mutes: readonly AlertMute[],
  nowMs: number,
  limits: MuteLimits = MUTE_LIMITS,
): MuteLimitRefusal | null {
  if (request.ruleId === null && request.scope !== null && parseScope(request.scope).level === 'district' && !requester.isAdmin) {
    return {
      kind: 'too_broad',
      message: `a mute of every rule for the whole ${request.scope} needs the admin role; name a rule (ruleId), or a street or a scope below it`,
    };
  }
  const active = mutes.filter((mute) => Date.parse(mute.until) > nowMs);
  const own = active.filter((mute) => mute.by === requester.name);
  if (own.length >= limits.activePerPrincipal) {
    return limitReached(`${requester.name} already holds ${own.length} active mutes, the limit per principal (${limits.activePerPrincipal}); end one first`, own, nowMs);
  }
  if (active.length >= limits.activeInTotal) {
    return limitReached(`${active.length} mutes are active, the limit for everyone together (${limits.activeInTotal}); end one first`, active, nowMs);
  }
  return null;
}

function limitReached(message: string, counted: readonly AlertMute[], nowMs: number): MuteLimitRefusal {
  const soonestEnd = Math.min(...counted.map((mute) => Date.parse(mute.until)));
  return { kind: 'limit_reached', message, retryAfterSeconds: Math.max(1, Math.ceil((soonestEnd - nowMs) / 1000)) };
}
