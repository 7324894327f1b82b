import { scopeIdSchema, USER_ROLES, usernameSchema } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { execOrThrow } from '../redis-pipeline';
import { DISABLED_USERS_KEY, USERNAMES_KEY, USERS_KEY } from './identity-keys';

/** A user as stored: `passwordHash` is an argon2id hash; `disabled` is kept apart (see `DISABLED_USERS_KEY`). */
const storedUserSchema = z.strictObject({
  id: z.uuid(),
  username: usernameSchema,
  passwordHash: z.string().min(1),
  displayName: z.string(),
  roles: z.array(z.enum(USER_ROLES)).min(1),
  scopes: z.array(scopeIdSchema).min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type NewUserRecord = z.infer<typeof storedUserSchema>;

export interface UserRecord extends NewUserRecord {
  readonly disabled: boolean;
}

/** KEYS: usernames, users. ARGV: username, id, record. 0 when the username is taken. */
const CREATE_USER = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return 1
`;

type UserRedis = Redis & { createUser(...args: string[]): Promise<number> };

/** Usernames are compared in lower case: `Admin` and `admin` are one user. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The users of the deployment. Usernames are unique: claiming one and writing the record are one atomic step. */
export class UserStore {
  private readonly redis: UserRedis;

  constructor(redis: Redis) {
    redis.defineCommand('createUser', { numberOfKeys: 2, lua: CREATE_USER });
    this.redis = redis as UserRedis;
  }

  /** False when the username is taken (by a user created at the same moment by another process, too). */
  async create(user: NewUserRecord): Promise<boolean> {
    const record = storedUserSchema.parse({ ...user, username: normalizeUsername(user.username) });
    return (await this.redis.createUser(USERNAMES_KEY, USERS_KEY, record.username, record.id, JSON.stringify(record))) === 1;
  }

  async byId(id: string): Promise<UserRecord | null> {
    const [text, disabled] = await execOrThrow(this.redis.pipeline().hget(USERS_KEY, id).sismember(DISABLED_USERS_KEY, id));
    return typeof text === 'string' ? { ...storedUserSchema.parse(JSON.parse(text)), disabled: disabled === 1 } : null;
  }

  async byUsername(username: string): Promise<UserRecord | null> {
    const id = await this.redis.hget(USERNAMES_KEY, normalizeUsername(username));
    return id === null ? null : this.byId(id);
  }

  /** Every user, by username. */
  async list(): Promise<UserRecord[]> {
    const [records, disabled] = await execOrThrow(this.redis.pipeline().hvals(USERS_KEY).smembers(DISABLED_USERS_KEY));
    const disabledIds = new Set(disabled as string[]);
    return (records as string[])
      .map((text) => storedUserSchema.parse(JSON.parse(text)))
      .map((user) => ({ ...user, disabled: disabledIds.has(user.id) }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  /** False when there is no such user. */
  async setDisabled(id: string, disabled: boolean): Promise<boolean> {
    if ((await this.redis.hexists(USERS_KEY, id)) === 0) return false;
    await (disabled ? this.redis.sadd(DISABLED_USERS_KEY, id) : this.redis.srem(DISABLED_USERS_KEY, id));
    return true;
  }

  /** False when there was no such user. The username is free again afterwards. */
  async delete(id: string): Promise<boolean> {
    const user = await this.byId(id);
    if (!user) return false;
    await execOrThrow(this.redis.multi().hdel(USERS_KEY, id).hdel(USERNAMES_KEY, user.username).srem(DISABLED_USERS_KEY, id));
    return true;
  }
}
