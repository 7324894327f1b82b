import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG, REDIS_COMMANDS } from '../../infrastructure/tokens';
import type { Principal } from '../access';
import { AppError } from '../errors';
import { PeriodicTask } from '../scheduling/periodic-task';
import { PipelineMetrics } from '../telemetry';
import { SharedBudget } from './shared-budget';

const KEY_PREFIX = 'grid-command:rate';
/**
 * Request budgets are per second averaged over this window, so a burst (a wall loading its layout, geometry and
 * KPIs at once, a test walking every route) passes while a sustained flood does not.
 */
const REQUEST_WINDOW_SECONDS = 10;
/** How often request counts reach Redis: how late one process learns what the others spent. */
const SYNC_EVERY_MS = 200;

/**
 * Request budgets kept in Redis, so they hold however many API processes share it: per ingest key, per user or
 * display token, and failed authentications per source address. Fixed windows (rate-limiter-flexible). Requests are
 * counted in memory and added to Redis every `SYNC_EVERY_MS` (`SharedBudget`), so a request costs no Redis round trip;
 * failed authentications, rare by nature, are counted in Redis one by one. Once a key is over its budget this process
 * refuses it from memory until the window ends. If Redis is away the same budgets are counted in this process alone.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly ingestKeys: SharedBudget;
  private readonly principals: SharedBudget;
  private readonly syncs: PeriodicTask;
  private readonly failedAuthentications: RateLimiterRedis;
  /** Addresses over their failed-authentication budget, until when: checked before any credential is looked at. */
  private readonly blockedAddresses = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS_COMMANDS) redis: Redis,
    private readonly metrics: PipelineMetrics,
  ) {
    const { ingestKeyPerSecond, principalPerSecond, failedAuthPerMinute } = config.rateLimits;
    this.ingestKeys = sharedBudget(redis, 'ingest-key', ingestKeyPerSecond * REQUEST_WINDOW_SECONDS);
    this.principals = sharedBudget(redis, 'principal', principalPerSecond * REQUEST_WINDOW_SECONDS);
    this.failedAuthentications = limiter(redis, 'failed-auth', failedAuthPerMinute, 60);
    this.syncs = new PeriodicTask({ name: 'request budget sync', everyMs: SYNC_EVERY_MS }, () => this.flush(), this.logger);
  }

  onModuleInit(): void {
    this.syncs.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.syncs.stop();
  }

  /** Counts one request of an authenticated principal; `rate_limited` with when to retry once its budget is spent. */
  countRequest(principal: Principal): void {
    const [budget, what] =
      principal.kind === 'ingest_key' ? [this.ingestKeys, 'this ingest key'] : [this.principals, principal.kind === 'user' ? 'this user' : 'this display token'];
    const waitMs = budget.take(`${principal.kind}:${principal.id}`);
    if (waitMs === null) return;
    this.metrics.rateLimitRefused(principal.kind === 'ingest_key' ? 'ingest_key' : 'principal');
    throw new AppError('rate_limited', `too many requests for ${what}: at most ${budget.points} in ${REQUEST_WINDOW_SECONDS} s`, {
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }

  /** Adds the requests counted here to the budgets in Redis and learns what the other processes spent. */
  async flush(): Promise<void> {
    await Promise.all([this.ingestKeys.sync(), this.principals.sync()]);
  }

  /** `rate_limited` while the address is over its budget of failed authentications (as this process last learned). */
  assertAddressAllowed(address: string, now = Date.now()): void {
    const until = this.blockedAddresses.get(address);
    if (until === undefined) return;
    if (until <= now) {
      this.blockedAddresses.delete(address);
      return;
    }
    this.metrics.rateLimitRefused('failed_authentication');
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
}

function sharedBudget(redis: Redis, name: string, points: number): SharedBudget {
  return new SharedBudget(limiter(redis, name, points, REQUEST_WINDOW_SECONDS), points, REQUEST_WINDOW_SECONDS * 1000);
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
