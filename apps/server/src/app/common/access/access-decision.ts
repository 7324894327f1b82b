import { isWithinGrants, parseScope } from '@grid-command/domain';
import { AppError } from '../errors/app-error';
import type { AccessPolicy } from './access-policy';
import type { Principal } from './principal';

/** 403 unless the principal holds one of the policy's roles. */
export function assertRoleAllowed(policy: AccessPolicy, principal: Principal, what: string): void {
  if (policy.allow === 'public' || policy.allow === 'authenticated') return;
  if (policy.allow.some((role) => principal.roles.has(role))) return;
  throw new AppError('forbidden', `${what} needs the role ${policy.allow.join(' or ')}; you hold ${[...principal.roles].join(', ') || 'none'}`);
}

/**
 * 403 unless `scope` (a scope id or a grid code) lies within the principal's grants. A value that is not a scope at
 * all is left to the capability, which answers 400 naming the field: it cannot reach anything either way.
 */
export function assertWithinGrants(principal: Principal, scope: string, field: string): void {
  if (!isParsable(scope)) return;
  if (isWithinGrants(principal.scopes, scope)) return;
  throw new AppError('forbidden', `${field}: ${scope} is outside the scopes granted to ${principal.name} (${principal.scopes.join(', ')})`);
}

function isParsable(scope: string): boolean {
  if (!scope.includes(':')) return /^\d{15}$/.test(scope);
  try {
    parseScope(scope);
    return true;
  } catch {
    return false;
  }
}
