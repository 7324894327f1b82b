import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const BUILT_SERVER_ENTRY = 'dist/apps/server/apps/server/src/main.js';

/** What the server printed is kept for failure messages, bounded so a long run cannot grow it without end. */
const OUTPUT_LIMIT = 64 * 1024;

/** The built server running as its own process, as clients (and crashes) meet it. */
export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Its DATA_DIR: the embedded redis-server's pid is in `redis/redis.pid` there. */
  readonly dataDir: string;
}

export interface StartOptions {
  readonly workspaceRoot: string;
  readonly dataDir: string;
  readonly port: number;
  /** Added to the parent's environment; HOST, PORT and DATA_DIR are set from the options. */
  readonly environment?: Readonly<Record<string, string>>;
  readonly readyWithinMs?: number;
  /** Started as the leader of a process group of its own, as a terminal starts it, so a test can signal the group. */
  readonly ownProcessGroup?: boolean;
}

/** A port the kernel just handed out on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts `dist/apps/server/…/main.js` (it brings up its own redis-server and embedded ClickHouse in `dataDir`)
 * and resolves once `/health/ready` answers 200; kills it and rejects with its output otherwise.
 */
export async function startBuiltServer(options: StartOptions): Promise<ServerProcess> {
  const entry = join(options.workspaceRoot, BUILT_SERVER_ENTRY);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npx nx run server:build\``);
  let output = '';
  const child = spawn(process.execPath, [entry], {
    cwd: options.workspaceRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.environment, HOST: '127.0.0.1', PORT: String(options.port), DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const readyWithinMs = options.readyWithinMs ?? 60_000;
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    const ready = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { baseUrl, child, output: () => output, dataDir: options.dataDir };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  await stopLeftRedis(options.dataDir);
  throw new Error(`server not ready within ${readyWithinMs / 1000} s:\n${output}`);
}

/** The pid in `<dataDir>/redis/redis.pid` when that process is a running redis-server, else null. */
export function runningRedisPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'redis', 'redis.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server') ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Stops the redis-server a server left behind (it runs in its own process group, so a server killed with SIGKILL
 * leaves it for the next start to adopt): a test run must not leave one running.
 */
async function stopLeftRedis(dataDir: string): Promise<void> {
  const pid = runningRedisPid(dataDir);
  if (pid === null) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (runningRedisPid(dataDir) === pid && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (runningRedisPid(dataDir) === pid) process.kill(pid, 'SIGKILL');
}

/**
 * Sends `signal` (SIGTERM by default), then SIGKILL after `killAfterMs`; resolves with the exit code once it is gone
 * and no redis-server of its DATA_DIR is left running.
 */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 20_000): Promise<number | null> {
  const { child } = server;
  if (hasExited(child)) {
    await stopLeftRedis(server.dataDir);
    return child.exitCode;
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const code = await exited;
  clearTimeout(killer);
  await stopLeftRedis(server.dataDir);
  return code;
}
