import type { AccessRole } from '@grid-command/contracts';
import { effectiveRoles } from '@grid-command/domain';
import {
  announceCredentialRevocation,
  digestOfSecret,
  ScopedCredentialStore,
  SessionStore,
  subscribeCredentialRevocations,
  UserStore,
  type CredentialRevocation,
} from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Principal, PrincipalResolver } from '../common/access';
import { AppError } from '../common/errors/app-error';
import { REDIS_COMMANDS, REDIS_SUBSCRIBER } from '../infrastructure/tokens';
import { AccessTokens } from './access-tokens';
import { CredentialUseCounter, type CountedCredentialKind } from './credential-use-counter';
import { DISPLAY_TOKEN_PREFIX, DISPLAY_TOKEN_STORE, INGEST_KEY_PREFIX, INGEST_KEY_STORE } from './identity-tokens';
import { PrincipalCache } from './principal-cache';
import type { RevocationAnnouncer } from './revocation-announcer';

const NOT_VALID = 'the bearer credential is not valid';
const INGEST_ROLES: ReadonlySet<AccessRole> = new Set(['ingest']);
/** A wall reads; it never acts. */
const DISPLAY_ROLES: ReadonlySet<AccessRole> = new Set(['leader']);

/**
 * Bearer credential → principal, for REST and sockets alike: an access token is checked against its session and
 * its user's current roles and scopes, an ingest key or display token against its revocation. Principals are cached
 * a few seconds per process, and every process drops what a revocation names as soon as it is announced; the
 * process that revokes drops it before it answers, so its own next request is refused.
 */
@Injectable()
export class IdentityPrincipalResolver implements PrincipalResolver, RevocationAnnouncer, OnModuleInit {
  private readonly logger = new Logger(IdentityPrincipalResolver.name);
  private readonly cache = new PrincipalCache();

  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    @Inject(INGEST_KEY_STORE) private readonly ingestKeys: ScopedCredentialStore,
    @Inject(DISPLAY_TOKEN_STORE) private readonly displayTokens: ScopedCredentialStore,
    private readonly uses: CredentialUseCounter,
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
  ) {}

  async onModuleInit(): Promise<void> {
    await subscribeCredentialRevocations(
      this.subscriber,
      (revocation) => this.cache.drop(revocation),
      (problem) => this.logger.warn(`ignored a malformed credential revocation: ${problem}`),
    );
  }

  async announce(revocation: CredentialRevocation): Promise<void> {
    this.cache.drop(revocation);
    await announceCredentialRevocation(this.redis, revocation);
  }

  async resolve(bearer: string): Promise<Principal> {
    const nowMs = Date.now();
    const cached = this.cache.get(bearer, nowMs);
    const principal = cached ?? (await this.resolveAfresh(bearer, nowMs));
    if (principal.kind !== 'user') this.uses.count(principal.kind, principal.id, nowMs);
    return principal;
  }

  private async resolveAfresh(bearer: string, nowMs: number): Promise<Principal> {
    const generation = this.cache.generation;
    const principal = bearer.startsWith(INGEST_KEY_PREFIX)
      ? await this.scopedPrincipal(this.ingestKeys, 'ingest_key', bearer, INGEST_ROLES)
      : bearer.startsWith(DISPLAY_TOKEN_PREFIX)
        ? await this.scopedPrincipal(this.displayTokens, 'display_token', bearer, DISPLAY_ROLES)
        : await this.userPrincipal(bearer, nowMs);
    this.cache.setIfCurrent(bearer, principal, nowMs, generation);
    return principal;
  }

  private async userPrincipal(accessToken: string, nowMs: number): Promise<Principal> {
    const { userId, sessionId, expiresAt } = await this.tokens.verify(accessToken);
    const [session, user] = await Promise.all([this.sessions.state(sessionId, nowMs), this.users.byId(userId)]);
    if (session === 'revoked') throw new AppError('token_revoked', 'this session has ended (signed out or revoked): sign in again');
    if (!user || user.disabled) throw new AppError('token_revoked', 'this user is disabled or no longer exists');
    return { kind: 'user', id: user.id, name: user.username, roles: effectiveRoles(user.roles), scopes: user.scopes, sessionId, expiresAt };
  }

  private async scopedPrincipal(
    store: ScopedCredentialStore,
    kind: CountedCredentialKind,
    bearer: string,
    roles: ReadonlySet<AccessRole>,
  ): Promise<Principal> {
    const credential = await store.byDigest(digestOfSecret(bearer));
    if (!credential) throw new AppError('unauthenticated', NOT_VALID);
    if (credential.revokedAt !== null) throw new AppError('token_revoked', `this ${kind === 'ingest_key' ? 'ingest key' : 'display token'} was revoked at ${credential.revokedAt}`);
    return { kind, id: credential.id, name: credential.name, roles, scopes: [credential.scope], sessionId: null, expiresAt: null };
  }
}
