import { Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: a URL (`redis://`, `rediss://`) or the unix socket of the redis-server this project started. */
export type RedisTarget = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'socket'; readonly path: string };

export type RedisRole =
  /** Request paths: fail fast when Redis is away so the API can answer 503 instead of hanging. */
  | 'producer'
  /** Blocking consumers (BullMQ workers, subscribers): retry forever, as BullMQ requires. */
  | 'consumer';

export function redisOptions(target: RedisTarget, role: RedisRole): RedisOptions {
  const base: RedisOptions =
    target.kind === 'socket' ? { path: target.path } : parseRedisUrl(target.url);
  return role === 'producer'
    ? { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000, commandTimeout: 5_000 }
    : { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

export function createRedis(target: RedisTarget, role: RedisRole, name: string): Redis {
  return new Redis({ ...redisOptions(target, role), connectionName: `grid-command:${name}` });
}

function parseRedisUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

export function describeRedis(target: RedisTarget): string {
  return target.kind === 'socket' ? `redis-server on ${target.path}` : `Redis at ${new URL(target.url).host}`;
}
