import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors/app-error';
import { REDIS_COMMANDS } from '../infrastructure/tokens';

/** Failed logins a username may have within the window before it is locked for the same time. */
export const USERNAME_FAILURES_ALLOWED = 5;
const USERNAME_WINDOW_SECONDS = 15 * 60;
/** Failed logins from one address per hour, whatever usernames it tries. */
const ADDRESS_FAILURES_ALLOWED = 30;
const ADDRESS_WINDOW_SECONDS = 3600;
/** Each failure answers this much later per recent failure of the username, up to the cap, so guessing is slow. */
const DELAY_PER_FAILURE_MS = 250;
const MAX_DELAY_MS = 2_000;

/** What recording a failed login decided. */
export interface FailedLogin {
  /** How long to hold back the answer. */
  readonly delayMs: number;
  /** This failure locked the username. */
  readonly lockedNow: boolean;
}

/**
 * Failed logins counted in Redis (so every process and a restart see the same counts): per username, locked for
 * 15 minutes after 5 failures within 15 minutes; per source address, 30 failures an hour. Locked answers 429 with
 * Retry-After, for a right password too: the lock is on guessing, and it says nothing about the password.
 */
@Injectable()
export class LoginThrottle {
  private readonly byUsername: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(@Inject(REDIS_COMMANDS) redis: Redis) {
    this.byUsername = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'gc:identity:login-failures:username',
      points: USERNAME_FAILURES_ALLOWED,
      duration: USERNAME_WINDOW_SECONDS,
    });
    this.byAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'gc:identity:login-failures:address',
      points: ADDRESS_FAILURES_ALLOWED,
      duration: ADDRESS_WINDOW_SECONDS,
    });
  }

  /** 429 `rate_limited` while the username or the address is locked. */
  async assertNotLocked(username: string, sourceIp: string | null): Promise<void> {
    const [ofUsername, ofAddress] = await Promise.all([this.byUsername.get(username), sourceIp === null ? null : this.byAddress.get(sourceIp)]);
    if (isSpent(ofUsername, USERNAME_FAILURES_ALLOWED)) {
      throw locked(`too many failed logins for this username: try again in ${waitOf(ofUsername)}`, ofUsername);
    }
    if (isSpent(ofAddress, ADDRESS_FAILURES_ALLOWED)) {
      throw locked(`too many failed logins from this address: try again in ${waitOf(ofAddress)}`, ofAddress);
    }
  }

  async recordFailure(username: string, sourceIp: string | null): Promise<FailedLogin> {
    const [ofUsername] = await Promise.all([this.byUsername.penalty(username), sourceIp === null ? null : this.byAddress.penalty(sourceIp)]);
    const lockedNow = ofUsername.consumedPoints === USERNAME_FAILURES_ALLOWED;
    // The lock lasts its full time from the failure that set it, not from the window's first failure.
    if (lockedNow) await this.byUsername.block(username, USERNAME_WINDOW_SECONDS);
    return { delayMs: Math.min(ofUsername.consumedPoints * DELAY_PER_FAILURE_MS, MAX_DELAY_MS), lockedNow };
  }

  /** A successful login forgets the username's failures. */
  async reset(username: string): Promise<void> {
    await this.byUsername.delete(username);
  }
}

function isSpent(state: RateLimiterRes | null, allowed: number): state is RateLimiterRes {
  return state !== null && state.consumedPoints >= allowed;
}

function locked(message: string, state: RateLimiterRes): AppError {
  return new AppError('rate_limited', message, { retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) });
}

function waitOf(state: RateLimiterRes): string {
  const seconds = Math.ceil(state.msBeforeNext / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
