import type { CredentialRevocation } from '@grid-command/queue';
import type { Principal } from '../common/access';

/** At most this long a resolved principal is reused without asking Redis again; revocations drop it sooner. */
export const PRINCIPAL_CACHE_MS = 5_000;
/** Bounds memory under a flood of distinct credentials; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly principal: Principal;
  readonly untilMs: number;
}

/**
 * Principals resolved in this process, by bearer credential. `generation` changes on every revocation, so a
 * resolution that read Redis before a revocation arrived is not cached after it (`setIfCurrent`).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private revocations = 0;

  get generation(): number {
    return this.revocations;
  }

  get(bearer: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(bearer);
    if (!entry) return undefined;
    if (entry.untilMs > nowMs) return entry.principal;
    this.entries.delete(bearer);
    return undefined;
  }

  /** Caches for `PRINCIPAL_CACHE_MS`, never past the credential's own expiry, unless a revocation came meanwhile. */
  setIfCurrent(bearer: string, principal: Principal, nowMs: number, generation: number): void {
    if (generation !== this.revocations) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const untilMs = Math.min(nowMs + PRINCIPAL_CACHE_MS, principal.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    this.entries.set(bearer, { principal, untilMs });
  }

  /** Forgets every principal the revoked credential stood for. */
  drop(revocation: CredentialRevocation): void {
    this.revocations += 1;
    for (const [bearer, { principal }] of this.entries) {
      if (isRevokedBy(principal, revocation)) this.entries.delete(bearer);
    }
  }
}

export function isRevokedBy(principal: Principal, revocation: CredentialRevocation): boolean {
  switch (revocation.kind) {
    case 'session':
      return principal.sessionId === revocation.id;
    case 'user':
      return principal.kind === 'user' && principal.id === revocation.id;
    case 'ingest_key':
      return principal.kind === 'ingest_key' && principal.id === revocation.id;
    case 'display_token':
      return principal.kind === 'display_token' && principal.id === revocation.id;
  }
}
