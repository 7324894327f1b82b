import type { SessionTokens } from '@grid-command/contracts';
import { digestOfSecret, newCredentialSecret, SessionStore, UserStore, type RotationOutcome, type UserRecord } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../infrastructure/tokens';
import { AccessTokens } from './access-tokens';
import { viewOfUser } from './user-view';

const DAY_MS = 24 * 3600_000;
const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/**
 * What a refresh did: a new pair, or why not (with the error to answer), naming the session and its user when the
 * token named a real one, for the audit entry and, after a reuse, the revocation announcement.
 */
export type RefreshResult =
  | { readonly refreshed: true; readonly tokens: SessionTokens; readonly sessionId: string; readonly userId: string }
  | {
      readonly refreshed: false;
      readonly outcome: Exclude<RotationOutcome['outcome'], 'rotated'> | 'user_gone';
      readonly sessionId: string | null;
      readonly userId: string | null;
      readonly error: AppError;
    };

/**
 * Sessions: a login opens one (a refresh family) and answers an access token and a refresh token
 * `<session id>.<secret>`; each refresh spends the refresh token and answers a new pair.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionStore,
    private readonly users: UserStore,
    private readonly tokens: AccessTokens,
  ) {}

  async open(user: UserRecord, now: Date): Promise<SessionTokens> {
    const sessionId = randomUUID();
    const secret = newCredentialSecret();
    await this.sessions.open({ id: sessionId, userId: user.id, refreshDigest: digestOfSecret(secret), expiresAtMs: this.refreshExpiry(now) });
    return this.pair(user, sessionId, secret, now);
  }

  /** A new pair for the current refresh token of a session; a spent one coming back revokes the session. */
  async refresh(refreshToken: string, now: Date): Promise<RefreshResult> {
    const match = REFRESH_TOKEN.exec(refreshToken);
    if (!match?.[1] || !match[2]) return refused('unknown', null, null);
    const sessionId = match[1];
    const next = newCredentialSecret();
    const rotation = await this.sessions.rotate(sessionId, digestOfSecret(match[2]), digestOfSecret(next), now.getTime(), this.refreshExpiry(now));
    if (rotation.outcome === 'unknown') return refused('unknown', null, null);
    if (rotation.outcome !== 'rotated') return refused(rotation.outcome, sessionId, rotation.userId);
    const user = await this.users.byId(rotation.userId);
    if (!user || user.disabled) {
      await this.sessions.revoke(sessionId);
      return refused('user_gone', sessionId, rotation.userId);
    }
    return { refreshed: true, tokens: await this.pair(user, sessionId, next, now), sessionId, userId: user.id };
  }

  private async pair(user: UserRecord, sessionId: string, refreshSecret: string, now: Date): Promise<SessionTokens> {
    const access = await this.tokens.issue(user.id, sessionId, now);
    return { accessToken: access.token, refreshToken: `${sessionId}.${refreshSecret}`, expiresIn: access.expiresIn, user: viewOfUser(user) };
  }

  private refreshExpiry(now: Date): number {
    return now.getTime() + this.config.auth.refreshTokenDays * DAY_MS;
  }
}

const REFUSALS: Readonly<Record<Extract<RefreshResult, { refreshed: false }>['outcome'], () => AppError>> = {
  unknown: () => new AppError('unauthenticated', 'the refresh token is not valid'),
  expired: () => new AppError('token_expired', 'the refresh token has expired: sign in again'),
  revoked: () => new AppError('token_revoked', 'this session has ended (signed out or revoked): sign in again'),
  reused: () => new AppError('token_revoked', 'this refresh token was already used, so the session has been revoked: sign in again'),
  user_gone: () => new AppError('token_revoked', 'this user is disabled or no longer exists'),
};

function refused(outcome: keyof typeof REFUSALS, sessionId: string | null, userId: string | null): RefreshResult {
  return { refreshed: false, outcome, sessionId, userId, error: REFUSALS[outcome]() };
}
