import { freePort, newBootstrapPassword, startBuiltServer, stopServer } from '@grid-command/server-harness';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  readonly baseUrl: string;
  readonly pid: number;
  /** The first admin's password: the server created user `admin` with it, from which the bench makes its credentials. */
  readonly adminPassword: string;
  stop(): Promise<void>;
}

/**
 * The bench measures capacity, not the rate-limit policy: the per-key and per-user limits are lifted above its load
 * (8 connections of one key, snapshot polls every 25 ms). The limiter is still consulted on every request, so what
 * it costs is in every figure.
 */
const LIFTED_RATE_LIMITS = { RATE_LIMIT_INGEST_KEY_PER_SECOND: '1000000', RATE_LIMIT_PRINCIPAL_PER_SECOND: '1000000' } as const;

/**
 * Starts the built server as a real client would meet it: its own temp DATA_DIR (it starts redis-server and
 * embedded ClickHouse there), a free port on 127.0.0.1, a fresh ADMIN_BOOTSTRAP_PASSWORD, ready when
 * /health/ready says so. `stop` sends SIGTERM, escalates to SIGKILL after 20 s, and removes the data directory.
 */
export async function startServer(workspaceRoot: string, readyTimeoutMs = 90_000): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'grid-command-bench-'));
  const adminPassword = newBootstrapPassword();
  try {
    const environment = { ADMIN_BOOTSTRAP_PASSWORD: adminPassword, ...LIFTED_RATE_LIMITS };
    const server = await startBuiltServer({ workspaceRoot, dataDir, port: await freePort(), readyWithinMs: readyTimeoutMs, environment });
    let stopped = false;
    return {
      baseUrl: server.baseUrl,
      pid: server.child.pid ?? -1,
      adminPassword,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await stopServer(server);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
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
