import type { PrincipalView, UserView } from '@grid-command/contracts';
import { effectiveRoles, isWithinGrants } from '@grid-command/domain';

/**
 * Why the ingest key cannot carry the feed of `district`, or null when it can. Checked once at start-up (the key's
 * `GET /api/v1/auth/me`), so a key of another street stops the run with its reason instead of 403s by the thousand.
 */
export function ingestKeyProblem(principal: PrincipalView, district: string): string | null {
  if (principal.kind !== 'ingest_key' || !principal.roles.includes('ingest')) return `the credential given as the ingest key is a ${principal.kind}, not an ingest key`;
  if (!isWithinGrants(principal.scopes, district)) return `ingest key "${principal.name}" covers ${principal.scopes.join(', ')}, not ${district}`;
  return null;
}

/** Why the signed-in user cannot read the district's tickets (and, for the duty desk, act on its alerts), or null. */
export function userProblem(user: UserView, district: string, actsOnAlerts: boolean): string | null {
  const roles = effectiveRoles(user.roles);
  const needed = actsOnAlerts ? 'duty_officer' : 'leader';
  if (!roles.has(needed)) return `user ${user.username} holds ${user.roles.join(', ')}; ${actsOnAlerts ? '--duty-officer on' : 'reading tickets'} needs ${needed}`;
  if (!isWithinGrants(user.scopes, district)) return `user ${user.username} covers ${user.scopes.join(', ')}, not ${district}`;
  return null;
}
