import { AuditOutbox, createRedis, ScopedCredentialStore, UserStore, type RedisTarget } from '@grid-command/queue';
import type { Redis } from 'ioredis';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
// The audit capability's trail, built by hand here as the app module would: this process runs outside Nest.
import { OutboxAuditTrail } from '../app/audit';
import { announcerOver, DISPLAY_TOKEN_SPEC, INGEST_KEY_SPEC, PasswordHasher, ScopedCredentials, UsersService } from '../app/identity';
import { loadReferenceIndex } from '../app/infrastructure/reference-loader';
import type { AdminContext } from './admin-commands';

export class AdminConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminConnectionError';
  }
}

/**
 * Redis as the server reaches it: `REDIS_URL`, or the socket of the embedded redis-server under `DATA_DIR`, which
 * the running server owns (`startEmbeddedRedis` puts it at `<DATA_DIR>/redis/redis.sock`). The CLI does not start
 * that server itself: the server adopts or starts it, and two owners of one data directory would fight over it.
 */
export function redisTargetOf(config: AppConfig): RedisTarget {
  if ('url' in config.redis) return { kind: 'url', url: config.redis.url };
  const path = join(config.redis.embedded.directory, 'redis.sock');
  if (!existsSync(path)) {
    throw new AdminConnectionError(`no redis-server at ${path}: start the server first (npm start), with the same DATA_DIR, or set REDIS_URL`);
  }
  return { kind: 'socket', path };
}

export async function connectAdminRedis(target: RedisTarget): Promise<Redis> {
  const redis = createRedis(target, 'producer', 'admin-cli');
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', resolve);
      redis.once('error', reject);
    });
  } catch (error) {
    redis.disconnect();
    throw new AdminConnectionError(`cannot reach Redis (${(error as Error).message}): is the server running with the same DATA_DIR or REDIS_URL?`);
  }
  return redis;
}

/** The admin routes' services over the server's Redis; what they do is audited as the CLI and the OS user running it. */
export async function adminContext(config: AppConfig, redis: Redis, readPassword: () => Promise<string>): Promise<AdminContext> {
  const [reference, hasher] = await Promise.all([loadReferenceIndex(config.referenceFiles), PasswordHasher.create()]);
  const audit = new OutboxAuditTrail(new AuditOutbox(redis));
  const revocations = announcerOver(redis);
  const userStore = new UserStore(redis);
  return {
    config,
    userStore,
    users: new UsersService(userStore, hasher, reference, revocations, audit),
    ingestKeys: new ScopedCredentials(INGEST_KEY_SPEC, new ScopedCredentialStore(redis, 'ingest-keys'), reference, revocations, audit),
    displayTokens: new ScopedCredentials(DISPLAY_TOKEN_SPEC, new ScopedCredentialStore(redis, 'display-tokens'), reference, revocations, audit),
    requester: { actor: { kind: 'system', id: 'admin-cli', name: `admin-cli (${userInfo().username})` }, sourceIp: null },
    readPassword,
  };
}
