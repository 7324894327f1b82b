import { USER_ROLES, type AccessRole, type UserRole } from '@grid-command/contracts';
import { contains, parseScope, type Scope } from '../scope';

/** Roles compose: a duty officer also reads as a leader; an admin holds every user role. */
export function effectiveRoles(granted: readonly (UserRole | 'ingest')[]): ReadonlySet<AccessRole> {
  const roles = new Set<AccessRole>(granted);
  if (roles.has('admin')) USER_ROLES.forEach((role) => roles.add(role));
  if (roles.has('duty_officer')) roles.add('leader');
  return roles;
}

/**
 * Whether a scope or grid code lies within what was granted: a grant covers its scope and everything under it, so
 * `street:450103001` covers `community:450103001002` and grid `450103001002015`, never the district above it.
 */
export function isWithinGrants(grants: readonly string[], scopeOrGridCode: string): boolean {
  const code = scopeOrGridCode.includes(':') ? parseScope(scopeOrGridCode).code : scopeOrGridCode;
  return grants.some((grant) => contains(parseScope(grant), code));
}

/** The granted scopes that lie within `scope` or contain it: what a principal may see of it. */
export function grantsTouching(grants: readonly string[], scope: Scope): string[] {
  return grants.filter((grant) => {
    const granted = parseScope(grant);
    return contains(granted, scope.code) || contains(scope, granted.code);
  });
}
