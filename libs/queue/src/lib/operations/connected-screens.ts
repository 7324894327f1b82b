import type { PrincipalKind } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from '../queue-definitions';

/** How often each live process replaces its registration; a registration outlives three missed rounds, then expires. */
export const SCREEN_REGISTRATION_EVERY_MS = 2_000;
export const SCREEN_REGISTRATION_TTL_MS = 3 * SCREEN_REGISTRATION_EVERY_MS + 1_000;

/** The live processes that registered their sockets, scored by when their registration expires. */
const REGISTRANTS_KEY = `${QUEUE_PREFIX}:ops:screens:processes`;

function registrationKey(processId: string): string {
  return `${QUEUE_PREFIX}:ops:screens:${processId}`;
}

/** One `/live` socket as its process registers it. Times are epoch milliseconds. */
export interface RegisteredScreen {
  readonly socketId: string;
  readonly name: string;
  readonly kind: PrincipalKind;
  /** Scopes whose snapshots it receives. */
  readonly scopes: readonly string[];
  /** Scopes whose alerts it watches. */
  readonly alertScopes: readonly string[];
  readonly connectedAt: number;
  readonly lastPushAt: number | null;
}

/**
 * The sockets open on every live process: each process replaces its own hash every few seconds, and the hash expires
 * when the process stops doing so (crashed, stopped), so a reader sees only the screens of processes still alive.
 * The socket's own paths never write here; the process copies what it holds in memory on a timer.
 */
export class ConnectedScreens {
  constructor(private readonly redis: Redis) {}

  async register(processId: string, screens: readonly RegisteredScreen[], now: Date = new Date(), ttlMs = SCREEN_REGISTRATION_TTL_MS): Promise<void> {
    const key = registrationKey(processId);
    const transaction = this.redis.multi().del(key);
    if (screens.length > 0) transaction.hset(key, ...screens.flatMap((screen) => [screen.socketId, JSON.stringify(screen)]));
    await transaction
      .pexpire(key, ttlMs)
      .zadd(REGISTRANTS_KEY, now.getTime() + ttlMs, processId)
      .zremrangebyscore(REGISTRANTS_KEY, '-inf', now.getTime())
      .exec();
  }

  /** Removes the process's registration at once, on an orderly stop. */
  async unregister(processId: string): Promise<void> {
    await this.redis.multi().del(registrationKey(processId)).zrem(REGISTRANTS_KEY, processId).exec();
  }

  /** Every screen of the processes whose registration has not expired. */
  async list(now: Date = new Date()): Promise<RegisteredScreen[]> {
    const processes = await this.redis.zrangebyscore(REGISTRANTS_KEY, now.getTime(), '+inf');
    if (processes.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const processId of processes) pipeline.hvals(registrationKey(processId));
    const answers = (await pipeline.exec()) ?? [];
    return answers.flatMap(([error, values]) => (error ? [] : (values as string[]).map((value) => JSON.parse(value) as RegisteredScreen)));
  }
}
