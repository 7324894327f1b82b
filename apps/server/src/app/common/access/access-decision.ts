import { isWithinGrants, parseScope } from '@grid-command/domain';
import { AppError } from '../errors/app-error';
import type { AccessPolicy } from './access-policy';
import type { Principal } from './principal';

/** 403 unless the principal is of a kind the policy admits and holds one of its roles. */
export function assertRoleAllowed(policy: AccessPolicy, principal: Principal, what: string): void {
  if (policy.kinds && !policy.kinds.includes(principal.kind)) {
    throw new AppError('forbidden', `${what} is for ${policy.kinds.join(' or ')} credentials; this one is a ${principal.kind}`);
  }
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

/**
 * 403 unless the grants cover every one of `scopes`: for what reaches everywhere at once, such as a mute of a rule
 * with no scope, which holds that rule back in every loaded district.
 */
export function assertGrantsCoverAll(principal: Principal, scopes: readonly string[], what: string): void {
  const outside = scopes.filter((scope) => !isWithinGrants(principal.scopes, scope));
  if (outside.length === 0) return;
  throw new AppError('forbidden', `${what} reaches ${outside.join(', ')}, outside the scopes granted to ${principal.name} (${principal.scopes.join(', ')})`);
}

/**
 * Residents' free text (report descriptions, ticket notes), reporter ids and exact locations reach duty officers
 * (and admins, who hold every role) only; leaders and walls read them masked.
 */
export function readsPersonalData(principal: Principal): boolean {
  return principal.roles.has('duty_officer');
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
