import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG, REDIS_COMMANDS } from '../../infrastructure/tokens';
import type { Principal } from '../access';
import { AppError } from '../errors';

const KEY_PREFIX = 'grid-command:rate';
/**
 * Request budgets are per second averaged over this window, so a burst (a wall loading its layout, geometry and
 * KPIs at once, a test walking every route) passes while a sustained flood does not.
 */
const REQUEST_WINDOW_SECONDS = 10;

/**
 * Request budgets kept in Redis, so they hold however many API processes share it: per ingest key, per user or
 * display token, and failed authentications per source address. Fixed windows (rate-limiter-flexible), one Redis
 * script call per counted request; once a key is over its budget this process refuses it from memory until the
 * window ends, so a client hammering past its limit costs no Redis round trips. If Redis is away the same budgets
 * are counted in this process alone.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger(RateLimits.name);
  private readonly ingestKeys: RateLimiterRedis;
  private readonly principals: RateLimiterRedis;
  private readonly failedAuthentications: RateLimiterRedis;
  /** Addresses over their failed-authentication budget, until when: checked before any credential is looked at. */
  private readonly blockedAddresses = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_COMMANDS) redis: Redis) {
    const { ingestKeyPerSecond, principalPerSecond, failedAuthPerMinute } = config.rateLimits;
    this.ingestKeys = limiter(redis, 'ingest-key', ingestKeyPerSecond * REQUEST_WINDOW_SECONDS, REQUEST_WINDOW_SECONDS);
    this.principals = limiter(redis, 'principal', principalPerSecond * REQUEST_WINDOW_SECONDS, REQUEST_WINDOW_SECONDS);
    this.failedAuthentications = limiter(redis, 'failed-auth', failedAuthPerMinute, 60);
  }

  /** Counts one request of an authenticated principal; `rate_limited` with when to retry once its budget is spent. */
  async countRequest(principal: Principal): Promise<void> {
    const [budget, what] =
      principal.kind === 'ingest_key' ? [this.ingestKeys, 'this ingest key'] : [this.principals, principal.kind === 'user' ? 'this user' : 'this display token'];
    try {
      await budget.consume(`${principal.kind}:${principal.id}`);
    } catch (refusal) {
      throw this.refusalOf(refusal, `too many requests for ${what}: at most ${budget.points} in ${REQUEST_WINDOW_SECONDS} s`);
    }
  }

  /** `rate_limited` while the address is over its budget of failed authentications (as this process last learned). */
  assertAddressAllowed(address: string, now = Date.now()): void {
    const until = this.blockedAddresses.get(address);
    if (until === undefined) return;
    if (until <= now) {
      this.blockedAddresses.delete(address);
      return;
    }
    throw new AppError('rate_limited', `too many failed authentications from this address: at most ${this.failedAuthentications.points} per minute`, {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }

  /** Counts a request that was refused for its credential; the address is refused outright once over budget. */
  async countFailedAuthentication(address: string): Promise<void> {
    try {
      await this.failedAuthentications.consume(address);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) this.blockedAddresses.set(address, Date.now() + refusal.msBeforeNext);
      else this.logger.warn(`cannot count a failed authentication: ${(refusal as Error).message}`);
    }
  }

  private refusalOf(refusal: unknown, message: string): AppError {
    if (refusal instanceof RateLimiterRes) {
      return new AppError('rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) });
    }
    // Only reached if both Redis and the in-process insurance failed, which the memory limiter does not.
    return new AppError('unavailable', `cannot check the request budget: ${(refusal as Error).message}`);
  }
}

function limiter(redis: Redis, name: string, points: number, durationSeconds: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${KEY_PREFIX}:${name}`,
    points,
    duration: durationSeconds,
    // Over budget: refused from this process's memory until the window ends, without asking Redis again.
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${KEY_PREFIX}:${name}:insurance`, points, duration: durationSeconds }),
  });
}
