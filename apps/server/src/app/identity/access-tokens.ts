import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors/app-error';

/** Fixed claims: a token signed for another service (sharing the secret by mistake) is refused. */
const ISSUER = 'grid-command';
const AUDIENCE = 'grid-command-api';
const ALGORITHM = 'HS256';

type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });

export interface IssuedAccessToken {
  readonly token: string;
  /** Seconds. */
  readonly expiresIn: number;
}

export interface VerifiedAccessToken {
  readonly userId: string;
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/**
 * Short-lived signed access tokens (HS256 JWT: `sub` user, `sid` session, `jti`, fixed `iss`/`aud`). They carry no
 * roles: the resolver loads the user's current roles and checks the session on every request (cached a few
 * seconds), so disabling a user or ending a session stops their tokens at once.
 */
export class AccessTokens {
  private constructor(
    private readonly jose: Jose,
    private readonly key: Uint8Array,
    private readonly lifetimeSeconds: number,
  ) {}

  /** jose is an ES module, so it is loaded once here rather than required. */
  static async create(secret: string, lifetimeSeconds: number): Promise<AccessTokens> {
    return new AccessTokens(await import('jose'), new TextEncoder().encode(secret), lifetimeSeconds);
  }

  async issue(userId: string, sessionId: string, now: Date): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = await new this.jose.SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds)
      .sign(this.key);
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** `token_expired` once past its expiry; `unauthenticated` for a bad signature, a foreign issuer or garbage. */
  async verify(token: string): Promise<VerifiedAccessToken> {
    try {
      const { payload } = await this.jose.jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['sub', 'sid', 'exp', 'jti'] });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string' || typeof payload.exp !== 'number') {
        throw new AppError('unauthenticated', 'the access token lacks its subject or session');
      }
      return { userId: payload.sub, sessionId: payload['sid'], expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof this.jose.errors.JWTExpired) throw new AppError('token_expired', 'the access token has expired: refresh it with POST /api/v1/auth/refresh');
      throw new AppError('unauthenticated', 'the bearer credential is not valid');
    }
  }
}
