import { loginRequestSchema, refreshRequestSchema, type SessionTokens } from '@grid-command/contracts';
import { normalizeUsername, SessionStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '../common/access';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { actorOfPrincipal, actorOfUser } from './audit-actor';
import { CREDENTIAL_AUTHENTICATOR, type CredentialAuthenticator } from './credential-authenticator';
import { LoginThrottle, USERNAME_FAILURES_ALLOWED } from './login-throttle.service';
import { REVOCATION_ANNOUNCER, type RevocationAnnouncer } from './revocation-announcer';
import { SessionIssuer } from './session-issuer.service';

/** Login, refresh and logout, each recorded in the audit log (never with a password or a token). */
@Injectable()
export class AuthService {
  constructor(
    @Inject(CREDENTIAL_AUTHENTICATOR) private readonly authenticator: CredentialAuthenticator,
    private readonly throttle: LoginThrottle,
    private readonly issuer: SessionIssuer,
    private readonly sessions: SessionStore,
    @Inject(REVOCATION_ANNOUNCER) private readonly revocations: RevocationAnnouncer,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async login(body: unknown, sourceIp: string | null): Promise<SessionTokens> {
    const parsed = loginRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const username = normalizeUsername(parsed.data.username);
    await this.throttle.assertNotLocked(username, sourceIp);
    let user;
    try {
      user = await this.authenticator.authenticate(username, parsed.data.password, { sourceIp });
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') await this.failedLogin(username, sourceIp);
      throw error;
    }
    await this.throttle.reset(username);
    const tokens = await this.issuer.open(user, new Date());
    await this.audit.record({ action: 'auth.login', actor: actorOfUser(user), target: username, outcome: 'success', sourceIp });
    return tokens;
  }

  async refresh(body: unknown, sourceIp: string | null): Promise<SessionTokens> {
    const parsed = refreshRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const result = await this.issuer.refresh(parsed.data.refreshToken, new Date());
    if (result.refreshed) {
      await this.audit.record({ action: 'auth.refresh', actor: { kind: 'user', id: result.userId, name: result.tokens.user.username }, target: result.sessionId, outcome: 'success', sourceIp });
      return result.tokens;
    }
    if (result.outcome === 'reused' && result.sessionId !== null) {
      await this.revocations.announce({ kind: 'session', id: result.sessionId });
      await this.audit.record({ action: 'auth.refresh_reuse', actor: null, target: result.sessionId, outcome: 'denied', sourceIp, detail: { userId: result.userId } });
    } else {
      await this.audit.record({ action: 'auth.refresh', actor: null, target: result.sessionId, outcome: 'failure', sourceIp, detail: { reason: result.outcome } });
    }
    throw result.error;
  }

  /** Ends the caller's session: its refresh token and every access token of it stop working. */
  async logout(principal: Principal, sourceIp: string | null): Promise<void> {
    if (principal.sessionId === null) {
      const what = principal.kind === 'ingest_key' ? 'an ingest key' : 'a display token';
      throw new AppError('forbidden', `${what} has no session to end: an admin revokes it instead`);
    }
    await this.sessions.revoke(principal.sessionId);
    await this.revocations.announce({ kind: 'session', id: principal.sessionId });
    await this.audit.record({ action: 'auth.logout', actor: actorOfPrincipal(principal), target: principal.sessionId, outcome: 'success', sourceIp });
  }

  private async failedLogin(username: string, sourceIp: string | null): Promise<void> {
    const failure = await this.throttle.recordFailure(username, sourceIp);
    await this.audit.record({ action: 'auth.login', actor: null, target: username, outcome: 'failure', sourceIp });
    if (failure.lockedNow) {
      await this.audit.record({ action: 'auth.locked', actor: null, target: username, outcome: 'denied', sourceIp, detail: { failures: USERNAME_FAILURES_ALLOWED } });
    }
    await sleep(failure.delayMs);
  }
}
