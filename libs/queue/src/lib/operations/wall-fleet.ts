import { wallCommandSchema, wallIdSchema, type PrincipalKind, type WallHealth } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { subscribeParsed } from '../channel-subscription';
import { QUEUE_PREFIX } from '../queue-definitions';

/** A wall reports every 10 s; its entry outlives five missed reports, then it is no longer a connected wall. */
export const WALL_REPORT_EVERY_MS = 10_000;
export const WALL_ENTRY_TTL_MS = 60_000;

/** The walls that reported, scored by when their entry expires. */
const WALLS_KEY = `${QUEUE_PREFIX}:ops:walls`;
const WALL_COMMANDS_CHANNEL = `${QUEUE_PREFIX}:ops:wall-commands`;

function wallKey(wallId: string): string {
  return `${QUEUE_PREFIX}:ops:wall:${wallId}`;
}

/** A wall's latest report as the live process that holds its socket stored it. Times are epoch milliseconds. */
export interface WallEntry {
  readonly health: WallHealth;
  /** The socket that sent it: a disconnect removes only its own socket's entry, not a reloaded page's newer one. */
  readonly socketId: string;
  readonly owner: string;
  readonly ownerKind: PrincipalKind;
  readonly reportedAt: number;
}

const wallCommandMessageSchema = z.strictObject({ wallId: wallIdSchema, command: wallCommandSchema });
export type WallCommandMessage = z.infer<typeof wallCommandMessageSchema>;

const FORGET_OWN_ENTRY = `
local entry = redis.call('GET', KEYS[1])
if entry and cjson.decode(entry).socketId == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
end
return 0`;

/**
 * The walls connected to any live process, in Redis so the API process that answers `/ops` need not hold their
 * sockets: each report replaces the wall's entry with a TTL, a clean disconnect removes it, a crashed process's
 * entries expire. Commands go out on a channel every live process listens to; the one holding the wall's socket
 * delivers it to the wall's room.
 */
export class WallFleet {
  constructor(private readonly redis: Redis) {}

  async record(entry: WallEntry, ttlMs = WALL_ENTRY_TTL_MS): Promise<void> {
    const id = entry.health.wallId;
    await this.redis
      .multi()
      .set(wallKey(id), JSON.stringify(entry), 'PX', ttlMs)
      .zadd(WALLS_KEY, entry.reportedAt + ttlMs, id)
      .zremrangebyscore(WALLS_KEY, '-inf', entry.reportedAt)
      .exec();
  }

  /**
   * The wall's socket `socketId` closed: the wall is not connected any more (it reports again when it reconnects),
   * unless a newer socket of the same wall (the page reloaded) has reported meanwhile.
   */
  async forget(wallId: string, socketId: string): Promise<void> {
    await this.redis.eval(FORGET_OWN_ENTRY, 2, wallKey(wallId), WALLS_KEY, socketId, wallId);
  }

  async get(wallId: string): Promise<WallEntry | null> {
    const value = await this.redis.get(wallKey(wallId));
    return value === null ? null : (JSON.parse(value) as WallEntry);
  }

  /** Every wall whose entry has not expired, in no particular order. */
  async list(now: Date = new Date()): Promise<WallEntry[]> {
    const ids = await this.redis.zrangebyscore(WALLS_KEY, now.getTime(), '+inf');
    if (ids.length === 0) return [];
    const values = await this.redis.mget(...ids.map(wallKey));
    return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as WallEntry]));
  }

  async sendCommand(message: WallCommandMessage): Promise<void> {
    await this.redis.publish(WALL_COMMANDS_CHANNEL, JSON.stringify(message));
  }
}

/** `subscriber` must be a connection of its own: a subscribed Redis connection can do nothing else. */
export function subscribeWallCommands(subscriber: Redis, onCommand: (message: WallCommandMessage) => void, onInvalid: (problem: string) => void): Promise<void> {
  return subscribeParsed(subscriber, WALL_COMMANDS_CHANNEL, wallCommandMessageSchema, onCommand, onInvalid);
}
