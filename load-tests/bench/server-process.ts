import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  readonly baseUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1; free unless another process grabs it in the next instant. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    const ready = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1_000} s`);
}

function waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the built server as a real client would meet it: its own temp DATA_DIR (it starts redis-server and
 * embedded ClickHouse there), a free port on 127.0.0.1, ready when /health/ready says so. `stop` sends
 * SIGTERM, escalates to SIGKILL after 20 s, and removes the data directory.
 */
export async function startServer(workspaceRoot: string, readyTimeoutMs = 90_000): Promise<RunningServer> {
  const main = join(workspaceRoot, 'dist/apps/server/apps/server/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx run server:build\` first`);
  const dataDir = await mkdtemp(join(tmpdir(), 'grid-command-bench-'));
  const logPath = join(dataDir, 'server.log');
  const log = openSync(logPath, 'a');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [main], {
    cwd: workspaceRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    if (!(await waitExit(child, 20_000))) {
      console.error('the server ignored SIGTERM for 20 s; killing it');
      child.kill('SIGKILL');
      await waitExit(child, 5_000);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitReady(baseUrl, child, readyTimeoutMs);
  } catch (error) {
    console.error(`server log (last lines):\n${tail(logPath)}`);
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid ?? -1, stop };
}

/** Resident memory of a process, MiB, from /proc (Linux); null elsewhere or once it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Summed resident memory of the process's direct children (the redis-server it started), MiB. */
export function childrenRssMb(pid: number): number | null {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return children.reduce((total, child) => total + (rssMb(child) ?? 0), 0);
  } catch {
    return null;
  }
}
