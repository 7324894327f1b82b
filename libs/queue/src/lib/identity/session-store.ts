import type { Redis } from 'ioredis';
import { sessionKey, sessionUsedDigestsKey } from './identity-keys';

/** A session is one refresh family: every refresh token of one login, each replacing the one before. */
export interface NewSession {
  readonly id: string;
  readonly userId: string;
  /** Digest of the first refresh token. */
  readonly refreshDigest: string;
  /** When that token expires (epoch ms); the session's records go with it. */
  readonly expiresAtMs: number;
}

/**
 * What presenting a refresh token did: `rotated` (the presented token is spent, the next one is current), `reused`
 * (an already spent token came back: someone else holds a copy, so the whole family is now revoked), or why it was
 * refused. `userId` is known for every outcome but `unknown`.
 */
export type RotationOutcome =
  | { readonly outcome: 'rotated' | 'reused' | 'revoked' | 'expired'; readonly userId: string }
  | { readonly outcome: 'unknown' };

export type SessionState = 'live' | 'revoked';

/**
 * KEYS: session, spent digests. ARGV: presented digest, next digest, now (ms), next expiry (ms).
 * A token that is neither current nor spent is a forgery and changes nothing: revoking on it would let anyone who
 * knows a session's id end it.
 */
const ROTATE_REFRESH = `
local session = redis.call('HMGET', KEYS[1], 'digest', 'expiresAt', 'revoked', 'userId')
if not session[1] then return {'unknown'} end
if session[3] == '1' then return {'revoked', session[4]} end
if tonumber(session[2]) <= tonumber(ARGV[3]) then return {'expired', session[4]} end
if session[1] == ARGV[1] then
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('HSET', KEYS[1], 'digest', ARGV[2], 'expiresAt', ARGV[4])
  redis.call('PEXPIREAT', KEYS[1], ARGV[4])
  redis.call('PEXPIREAT', KEYS[2], ARGV[4])
  return {'rotated', session[4]}
end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'revoked', '1')
  return {'reused', session[4]}
end
return {'unknown'}
`;

/** KEYS: session. 1 when a live session was revoked now. */
const REVOKE_SESSION = `
if redis.call('HGET', KEYS[1], 'revoked') ~= '0' then return 0 end
redis.call('HSET', KEYS[1], 'revoked', '1')
return 1
`;

type SessionRedis = Redis & {
  rotateRefresh(...args: Array<string | number>): Promise<string[]>;
  revokeSession(key: string): Promise<number>;
};

/**
 * Refresh families. Each refresh swaps the current token's digest for the next one's in one atomic step, so of two
 * requests presenting the same token only one gets a new pair; the other counts as a reuse. A revoked session is
 * kept (flagged) until it would have expired, so its access tokens, which name it, stop at once.
 */
export class SessionStore {
  private readonly redis: SessionRedis;

  constructor(redis: Redis) {
    redis.defineCommand('rotateRefresh', { numberOfKeys: 2, lua: ROTATE_REFRESH });
    redis.defineCommand('revokeSession', { numberOfKeys: 1, lua: REVOKE_SESSION });
    this.redis = redis as SessionRedis;
  }

  async open(session: NewSession): Promise<void> {
    const key = sessionKey(session.id);
    await this.redis
      .multi()
      .hset(key, { userId: session.userId, digest: session.refreshDigest, expiresAt: session.expiresAtMs, revoked: '0' })
      .pexpireat(key, session.expiresAtMs)
      .exec();
  }

  async rotate(sessionId: string, presentedDigest: string, nextDigest: string, nowMs: number, nextExpiresAtMs: number): Promise<RotationOutcome> {
    const [outcome, userId] = await this.redis.rotateRefresh(
      sessionKey(sessionId),
      sessionUsedDigestsKey(sessionId),
      presentedDigest,
      nextDigest,
      nowMs,
      nextExpiresAtMs,
    );
    if (outcome === 'unknown' || userId === undefined) return { outcome: 'unknown' };
    return { outcome: outcome as 'rotated' | 'reused' | 'revoked' | 'expired', userId };
  }

  /** Whether the access tokens of the session may still be used; an expired (gone) session counts as revoked. */
  async state(sessionId: string, nowMs: number): Promise<SessionState> {
    const [expiresAt, revoked] = await this.redis.hmget(sessionKey(sessionId), 'expiresAt', 'revoked');
    return revoked === '0' && Number(expiresAt) > nowMs ? 'live' : 'revoked';
  }

  /** False when the session was already revoked or is gone. */
  async revoke(sessionId: string): Promise<boolean> {
    return (await this.redis.revokeSession(sessionKey(sessionId))) === 1;
  }
}
