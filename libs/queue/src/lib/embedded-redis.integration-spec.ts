import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startEmbeddedRedis, type EmbeddedRedis, type EmbeddedRedisState } from './embedded-redis';
import { createRedis } from './redis-connection';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(redis: EmbeddedRedis, state: EmbeddedRedisState, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (redis.status().state !== state) {
    if (Date.now() > deadline) throw new Error(`still ${redis.status().state} after ${timeoutMs} ms, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('embedded redis-server under supervision', () => {
  const directories: string[] = [];
  const servers: EmbeddedRedis[] = [];
  const directory = (): string => {
    const path = mkdtempSync(join(tmpdir(), 'grid-command-supervised-'));
    directories.push(path);
    return path;
  };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    directories.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true }));
  });

  it('restarts a killed server on the same socket from its append-only file, in a process group of its own', async () => {
    const logged: string[] = [];
    const redis = await startEmbeddedRedis(directory(), 'redis-server', { restartDelayMs: 50, log: (_, message) => logged.push(message) });
    servers.push(redis);
    const client = createRedis({ kind: 'socket', path: redis.socketPath }, 'consumer', 'supervision-test');
    const subscriber = createRedis({ kind: 'socket', path: redis.socketPath }, 'consumer', 'supervision-test-subscriber');
    const heard: string[] = [];
    subscriber.on('message', (_, message: string) => heard.push(message));
    try {
      await subscriber.subscribe('supervision-test');
      await client.set('acknowledged', 'before the kill');
      const pid = Number(readFileSync(redis.pidFile, 'utf8'));
      expect(pid).toBe(redis.status().pid);
      // detached: the server leads its own process group, so the owner's Ctrl-C does not reach it.
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[2]).toBe(String(pid));

      process.kill(pid, 'SIGKILL');
      await until(redis, 'restarting', 2_000);
      await until(redis, 'up', 5_000);

      const status = redis.status();
      expect(status).toMatchObject({ state: 'up', restarts: 1, lastExit: { code: null, signal: 'SIGKILL' } });
      expect(status.pid).not.toBe(pid);
      expect(Number(readFileSync(redis.pidFile, 'utf8'))).toBe(status.pid);
      // The consumer connection came back by itself, and the write acknowledged before the kill is there.
      expect(await client.get('acknowledged')).toBe('before the kill');
      // The subscriber subscribed again by itself: a message published after the restart reaches it.
      const deadline = Date.now() + 5_000;
      while (!heard.includes('after the restart') && Date.now() < deadline) {
        await client.publish('supervision-test', 'after the restart');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(heard).toContain('after the restart');
      expect(logged.some((line) => line.startsWith('redis-server died (SIGKILL)'))).toBe(true);
      expect(logged.some((line) => line.startsWith('restarted redis-server'))).toBe(true);
    } finally {
      client.disconnect();
      subscriber.disconnect();
    }
  }, 20_000);

  it('gives up when the server cannot be started again, and stop() leaves nothing running', async () => {
    const path = directory();
    const broken = join(path, 'broken');
    const binary = join(path, 'redis-server-once');
    writeFileSync(binary, `#!/bin/sh\n[ -e '${broken}' ] && exit 1\nexec redis-server "$@"\n`);
    chmodSync(binary, 0o755);
    const redis = await startEmbeddedRedis(join(path, 'redis'), binary, { restartDelayMs: 10 });
    servers.push(redis);
    const pid = redis.status().pid ?? 0;

    writeFileSync(broken, '');
    process.kill(pid, 'SIGKILL');
    await until(redis, 'given_up', 15_000);
    expect(redis.status()).toMatchObject({ state: 'given_up', pid: null, restarts: 0 });

    await redis.stop();
    expect(redis.status().state).toBe('stopped');
  }, 20_000);

  it('stop() ends the server and its supervision: it is not restarted', async () => {
    const redis = await startEmbeddedRedis(directory(), 'redis-server', { restartDelayMs: 10 });
    const pid = redis.status().pid ?? 0;
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isRunning(pid)).toBe(false);
    expect(redis.status()).toMatchObject({ state: 'stopped', pid: null, restarts: 0 });
  });
});
