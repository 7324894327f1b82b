import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export class EmbeddedRedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedRedisError';
  }
}

/**
 * - `up`: answering; `restarting`: it died and supervision is bringing it back (requests answer 503 meanwhile);
 * - `given_up`: it kept dying or would not start, and supervision stopped trying (a restart of the process is due);
 * - `stopped`: stopped on purpose, at shutdown.
 */
export type EmbeddedRedisState = 'up' | 'restarting' | 'given_up' | 'stopped';

export interface EmbeddedRedisExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** ISO time the death was noticed. */
  readonly at: string;
}

export interface EmbeddedRedisStatus {
  readonly state: EmbeddedRedisState;
  /** The running redis-server's pid, null while none runs. */
  readonly pid: number | null;
  /** Restarts after an unexpected death since this process started it. */
  readonly restarts: number;
  readonly lastExit: EmbeddedRedisExit | null;
}

export interface EmbeddedRedis {
  readonly socketPath: string;
  /** `redis-server --pidfile`: the pid of the running server, for operators and fault injection. */
  readonly pidFile: string;
  /** True when a redis-server left running on this socket by an earlier, crashed run was taken over. */
  readonly adopted: boolean;
  status(): EmbeddedRedisStatus;
  /** Stops supervision, then the server (SHUTDOWN writes the append-only file); resolves once it has exited. */
  stop(): Promise<void>;
  /** For a process exiting at once: stops supervision and sends the server SIGTERM (it still writes its file), without waiting. */
  stopNow(): void;
}

export interface SupervisionOptions {
  /** Wait before the first restart after a death; doubled for each further death in a row, up to `MAX_RESTART_DELAY_MS`. */
  readonly restartDelayMs?: number;
  /** Where deaths, restarts and giving up are told. */
  readonly log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

const DEFAULT_RESTART_DELAY_MS = 200;
const MAX_RESTART_DELAY_MS = 10_000;
/** Deaths (or failed starts) in a row before supervision gives up: about half a minute of trying with the defaults. */
const MAX_FAILURES_IN_A_ROW = 8;
/** A server that stayed up this long is healthy again: the next death starts the backoff over. */
const STABLE_AFTER_MS = 30_000;
const START_WITHIN_MS = 15_000;
/** How often the pid of an adopted server (not our child, so no exit event) is checked. */
const ADOPTED_POLL_MS = 500;

/** A one-shot connection whose failure is its answer (a refused connection is not an error worth printing). */
function probeClient(socketPath: string): Redis {
  const client = new Redis({ path: socketPath, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  return client;
}

/** Stops a server this process did not spawn: SHUTDOWN writes the append-only file and exits. */
async function shutdownBySocket(socketPath: string): Promise<void> {
  const client = probeClient(socketPath);
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
  const client = probeClient(socketPath);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pidIn(pidFile: string): number | null {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One running redis-server, spawned by this process or adopted; `exited` resolves when it is gone. */
interface RunningServer {
  readonly pid: number | null;
  readonly adopted: boolean;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

/**
 * Starts redis-server on a unix socket under `directory`, with an append-only file fsynced on every write
 * so that an acknowledged report survives a crash of Redis or the machine, and supervises it: an unexpected exit
 * is followed by a restart on the same socket and data (with a backoff), until it has died `MAX_FAILURES_IN_A_ROW`
 * times in a row. It runs in its own process group, so a terminal's Ctrl-C reaches only its owner, which stops it
 * last. A server still running there after a crash of its owner is adopted: the caller holds the data directory, so
 * nobody else uses it.
 */
export async function startEmbeddedRedis(directory: string, binary = 'redis-server', options: SupervisionOptions = {}): Promise<EmbeddedRedis> {
  mkdirSync(directory, { recursive: true });
  const supervisor = new RedisSupervisor(directory, binary, options);
  await supervisor.start();
  return supervisor;
}

class RedisSupervisor implements EmbeddedRedis {
  readonly socketPath: string;
  readonly pidFile: string;
  adopted = false;
  private state: EmbeddedRedisState = 'restarting';
  private restarts = 0;
  private lastExit: EmbeddedRedisExit | null = null;
  private current: RunningServer | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private supervision: Promise<void> = Promise.resolve();
  private readonly restartDelayMs: number;
  private readonly log: NonNullable<SupervisionOptions['log']>;

  constructor(
    private readonly directory: string,
    private readonly binary: string,
    options: SupervisionOptions,
  ) {
    this.socketPath = join(directory, 'redis.sock');
    this.pidFile = join(directory, 'redis.pid');
    this.restartDelayMs = options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS;
    this.log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    this.current = await this.launch();
    this.adopted = this.current.adopted;
    this.state = 'up';
    this.supervision = this.supervise(this.current);
  }

  status(): EmbeddedRedisStatus {
    return { state: this.state, pid: this.current?.pid ?? null, restarts: this.restarts, lastExit: this.lastExit };
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.supervision;
    this.stopping = true;
    this.wakeUp?.();
    await this.current?.stop();
    await this.supervision;
    this.state = 'stopped';
  }

  stopNow(): void {
    this.stopping = true;
    this.wakeUp?.();
    const pid = this.current?.pid;
    if (pid === null || pid === undefined) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }

  /** Waits for each server's death and brings up the next, until stopped or given up. */
  private async supervise(first: RunningServer): Promise<void> {
    let running = first;
    let failuresInARow = 0;
    for (;;) {
      const startedAt = Date.now();
      const exit = await running.exited;
      this.current = null;
      if (this.stopping) return;
      this.lastExit = { ...exit, at: new Date().toISOString() };
      failuresInARow = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : failuresInARow + 1;
      this.state = 'restarting';
      this.log('error', `redis-server died (${exit.signal ?? `exit code ${exit.code}`}); see ${join(this.directory, 'redis.log')}`);
      for (;;) {
        if (failuresInARow > MAX_FAILURES_IN_A_ROW) {
          this.state = 'given_up';
          this.log('error', `redis-server died or failed to start ${MAX_FAILURES_IN_A_ROW} times in a row; gave up restarting it`);
          return;
        }
        const delayMs = Math.min(this.restartDelayMs * 2 ** (failuresInARow - 1), Math.max(MAX_RESTART_DELAY_MS, this.restartDelayMs));
        await this.pause(delayMs);
        if (this.stopping) return;
        try {
          running = await this.launch();
          break;
        } catch (error) {
          failuresInARow += 1;
          this.log('warn', `restarting redis-server failed: ${(error as Error).message}`);
        }
      }
      if (this.stopping) {
        await running.stop();
        return;
      }
      this.current = running;
      this.restarts += 1;
      this.state = 'up';
      this.log('log', `restarted redis-server (pid ${running.pid ?? 'unknown'}) from its append-only file, restart ${this.restarts}`);
    }
  }

  /** Waits `ms`, or less if `stop()` is called meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async launch(): Promise<RunningServer> {
    if (await answersPing(this.socketPath)) return this.adopt();
    return this.spawnServer();
  }

  private adopt(): RunningServer {
    const pid = pidIn(this.pidFile);
    let markExited: (exit: { code: number | null; signal: string | null }) => void = () => undefined;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => (markExited = resolve));
    // Not our child, so no exit event: its pid is watched. Without a pidfile it cannot be, and is not supervised.
    const watch = pid === null ? null : setInterval(() => isRunning(pid) || gone(), ADOPTED_POLL_MS);
    watch?.unref();
    function gone(): void {
      if (watch) clearInterval(watch);
      markExited({ code: null, signal: null });
    }
    return {
      pid,
      adopted: true,
      exited,
      stop: async () => {
        await shutdownBySocket(this.socketPath);
        const deadline = Date.now() + 10_000;
        while (pid !== null && isRunning(pid) && Date.now() < deadline) await sleep(50);
        gone();
      },
    };
  }

  private async spawnServer(): Promise<RunningServer> {
    const { binary, directory, socketPath } = this;
    const child: ChildProcess = spawn(
      binary,
      [
        '--port', '0',
        '--unixsocket', socketPath,
        '--unixsocketperm', '700',
        '--dir', directory,
        '--pidfile', this.pidFile,
        '--appendonly', 'yes',
        '--appendfsync', 'always',
        '--save', '',
        '--maxmemory-policy', 'noeviction',
        '--logfile', join(directory, 'redis.log'),
      ],
      // Its own process group: a Ctrl-C in the terminal is for the server, which stops Redis after draining.
      { stdio: 'ignore', detached: true },
    );
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));
    const running: RunningServer = {
      pid: child.pid ?? null,
      adopted: false,
      exited,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
        if (!gone) child.kill('SIGKILL');
      },
    };

    const deadline = Date.now() + START_WITHIN_MS;
    while (Date.now() < deadline) {
      const outcome = await Promise.race([
        spawnFailed.then((error) => ({ error })),
        exited.then((exit) => ({ exit })),
        sleep(50).then(() => null),
      ]);
      if (outcome && 'error' in outcome) {
        throw new EmbeddedRedisError(
          `cannot start ${binary} (${outcome.error.message}). Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL to a running Redis.`,
        );
      }
      if (outcome && 'exit' in outcome) {
        throw new EmbeddedRedisError(`${binary} exited with code ${outcome.exit.code}; see ${join(directory, 'redis.log')}`);
      }
      if (await answersPing(socketPath)) return running;
    }
    child.kill('SIGKILL');
    throw new EmbeddedRedisError(`${binary} did not answer on ${socketPath} within ${START_WITHIN_MS / 1000} s; see ${join(directory, 'redis.log')}`);
  }
}
