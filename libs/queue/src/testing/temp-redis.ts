import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { startEmbeddedRedis, type EmbeddedRedis } from '../lib/embedded-redis';
import { createRedis, type RedisTarget } from '../lib/redis-connection';

/** A real redis-server in a temporary directory, for integration tests. */
export interface TempRedis {
  readonly target: RedisTarget;
  readonly directory: string;
  readonly server: EmbeddedRedis;
  connect(name: string): Redis;
  dispose(): Promise<void>;
}

export async function startTempRedis(): Promise<TempRedis> {
  const directory = mkdtempSync(join(tmpdir(), 'grid-command-redis-'));
  const server = await startEmbeddedRedis(directory);
  const target: RedisTarget = { kind: 'socket', path: server.socketPath };
  const connections: Redis[] = [];
  return {
    target,
    directory,
    server,
    connect(name) {
      const connection = createRedis(target, 'consumer', name);
      connections.push(connection);
      return connection;
    },
    async dispose() {
      await Promise.allSettled(connections.map((connection) => connection.quit()));
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
