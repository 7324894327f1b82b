import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

const BUILT_SERVER = join(WORKSPACE_ROOT, 'dist/apps/server/apps/server/src/main.js');
const READY_WITHIN_MS = 60_000;
const EXIT_WITHIN_MS = 20_000;

export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** Everything the server printed, for the failure message. */
  readonly output: () => string;
}

/** A port the OS just handed out on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * Starts the built server (it brings up its own redis-server and embedded ClickHouse and serves the built screen)
 * and waits until `/health/ready` answers 200.
 */
export async function startServer(options: { port: number; dataDir: string; environment: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npx nx run server:build\``);
  if (!existsSync(join(WORKSPACE_ROOT, 'dist/apps/screen/browser/index.html'))) throw new Error('the screen is not built: run `npx nx run screen:build`');
  let output = '';
  const child = spawn(process.execPath, [BUILT_SERVER], {
    cwd: WORKSPACE_ROOT,
    env: { ...options.environment, HOST: '127.0.0.1', PORT: String(options.port), DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    const ready = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { baseUrl, child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready within ${READY_WITHIN_MS / 1000} s:\n${output}`);
}

/** SIGTERM, then SIGKILL if it has not exited in time; resolves once the process is gone. */
export async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), EXIT_WITHIN_MS);
  await exited;
  clearTimeout(killer);
}
