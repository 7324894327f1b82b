import type { AccessRole, PrincipalKind, PrincipalView } from '@grid-command/contracts';

/**
 * Who made a request, as the identity capability resolved it from the bearer credential. Every action is recorded
 * under `name`; `roles` are the effective roles (composition applied); `scopes` are the granted scopes, each
 * covering everything under it.
 */
export interface Principal {
  readonly kind: PrincipalKind;
  /** User id, ingest key id or display token id. */
  readonly id: string;
  /** Username, or the key's or token's name: the actor recorded for what this principal does. */
  readonly name: string;
  readonly roles: ReadonlySet<AccessRole>;
  readonly scopes: readonly string[];
  /** The refresh family of a user's session, so a logout or reuse can revoke every token of it. */
  readonly sessionId: string | null;
  /** When the credential stops being valid (an access token's expiry); null for keys and display tokens. */
  readonly expiresAt: Date | null;
}

/** Turns a bearer credential into a principal, or throws `AppError` `unauthenticated`, `token_expired` or `token_revoked`. */
export interface PrincipalResolver {
  resolve(bearer: string): Promise<Principal>;
}

export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');

export function viewOfPrincipal(principal: Principal): PrincipalView {
  return {
    kind: principal.kind,
    id: principal.id,
    name: principal.name,
    roles: [...principal.roles].sort(),
    scopes: [...principal.scopes],
    expiresAt: principal.expiresAt?.toISOString() ?? null,
  };
}
