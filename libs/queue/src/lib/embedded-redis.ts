import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export class EmbeddedRedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedRedisError';
  }
}

export interface EmbeddedRedis {
  readonly socketPath: string;
  /** True when a redis-server left running on this socket by an earlier, crashed run was taken over. */
  readonly adopted: boolean;
  stop(): Promise<void>;
}

/** Stops a server this process did not spawn: SHUTDOWN writes the append-only file and exits. */
async function shutdownBySocket(socketPath: string): Promise<void> {
  const client = new Redis({ path: socketPath, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await client.connect();
    await client.call('SHUTDOWN');
  } catch {
    // The connection drops as the server exits.
  } finally {
    client.disconnect();
  }
}

async function answersPing(socketPath: string): Promise<boolean> {
  if (!existsSync(socketPath)) return false;
  const client = new Redis({ path: socketPath, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Starts redis-server on a unix socket under `directory`, with an append-only file fsynced on every write
 * so that an acknowledged report survives a crash of Redis or the machine. A server still running there
 * after a crash of its owner is adopted: the caller holds the data directory, so nobody else uses it.
 */
export async function startEmbeddedRedis(directory: string, binary = 'redis-server'): Promise<EmbeddedRedis> {
  mkdirSync(directory, { recursive: true });
  const socketPath = join(directory, 'redis.sock');
  if (await answersPing(socketPath)) {
    return { socketPath, adopted: true, stop: () => shutdownBySocket(socketPath) };
  }
  const child: ChildProcess = spawn(
    binary,
    [
      '--port', '0',
      '--unixsocket', socketPath,
      '--unixsocketperm', '700',
      '--dir', directory,
      '--appendonly', 'yes',
      '--appendfsync', 'always',
      '--save', '',
      '--maxmemory-policy', 'noeviction',
      '--logfile', join(directory, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));

  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const outcome = await Promise.race([
      spawnFailed.then((error) => ({ error })),
      exited.then((code) => ({ code })),
      new Promise<null>((resolve) => setTimeout(resolve, 100, null)),
    ]);
    if (outcome && 'error' in outcome) {
      throw new EmbeddedRedisError(
        `cannot start ${binary} (${outcome.error.message}). Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL to a running Redis.`,
      );
    }
    if (outcome && 'code' in outcome) {
      throw new EmbeddedRedisError(`${binary} exited with code ${outcome.code}; see ${join(directory, 'redis.log')}`);
    }
    if (await answersPing(socketPath)) {
      return {
        socketPath,
        adopted: false,
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        },
      };
    }
  }
  child.kill('SIGKILL');
  throw new EmbeddedRedisError(`${binary} did not answer on ${socketPath} within 15 s; see ${join(directory, 'redis.log')}`);
}
