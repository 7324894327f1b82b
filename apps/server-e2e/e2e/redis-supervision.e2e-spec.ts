import { ingestKeyCreatedSchema, sessionTokensSchema, type Report } from '@grid-command/contracts';
import {
  BOOTSTRAP_ADMIN_USERNAME,
  BUILT_SERVER_ENTRY,
  freePort,
  newBootstrapPassword,
  requestJson,
  startBuiltServer,
  stopServer,
  type ServerProcess,
} from '@grid-command/server-harness';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');
/** A Ctrl-C shutdown under light load must take a few seconds, not the 30 s it could before. */
const SHUTDOWN_WITHIN_MS = 10_000;
/** A killed redis-server is back (restarted from its append-only file) within this. */
const RECOVERY_WITHIN_MS = 5_000;

const GRID = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'reference/demo-district.json'), 'utf8')) as { features: Array<{ properties: { level: string; code: string } }> }
).features.find((feature) => feature.properties.level === 'grid')?.properties.code ?? '';

const report = (): Report => ({ id: randomUUID(), gridCode: GRID, category: 'environment_sanitation', severity: 1, source: 'iot_sensor', reportedAt: new Date().toISOString() });
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Pids of every redis-server serving this data directory's socket, whoever started it. */
function redisServersOf(dataDir: string): number[] {
  const socket = join(dataDir, 'redis', 'redis.sock');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return commandLine.includes('redis-server') && commandLine.includes(socket);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const pidInPidfile = (dataDir: string): number => Number(readFileSync(join(dataDir, 'redis', 'redis.pid'), 'utf8'));

interface Credentials {
  readonly admin: string;
  readonly ingestKey: string;
}

async function credentialsOf(baseUrl: string, password: string): Promise<Credentials> {
  const session = sessionTokensSchema.parse(await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: BOOTSTRAP_ADMIN_USERNAME, password } }));
  const key = ingestKeyCreatedSchema.parse(
    await requestJson(baseUrl, { method: 'POST', path: '/api/v1/ingest-keys', bearer: session.accessToken, body: { name: 'supervision test feed', scope: 'district:450103' } }),
  );
  return { admin: session.accessToken, ingestKey: key.key };
}

async function post(baseUrl: string, sent: Report, ingestKey: string): Promise<{ status: number; retryAfter: string | null }> {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(sent),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

/** Polls until the report's ticket is readable, which the worker makes when it stores the report. */
async function stored(baseUrl: string, id: string, admin: string): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/v1/tickets/${id}`, { headers: { authorization: `Bearer ${admin}` } });
    await response.arrayBuffer();
    if (response.status === 200) return true;
    await sleep(200);
  }
  return false;
}

describe('the embedded redis-server under supervision, and an orderly shutdown', () => {
  const dataDirs: string[] = [];
  const servers: ServerProcess[] = [];
  const freshDataDir = (): string => {
    const path = mkdtempSync(join(tmpdir(), 'grid-command-supervision-'));
    dataDirs.push(path);
    return path;
  };
  const start = async (dataDir: string, password: string, environment: Record<string, string> = {}, ownProcessGroup = false): Promise<ServerProcess> => {
    const server = await startBuiltServer({
      workspaceRoot: WORKSPACE_ROOT,
      dataDir,
      port: await freePort(),
      environment: { ADMIN_BOOTSTRAP_PASSWORD: password, ...environment },
      ownProcessGroup,
    });
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    for (const dataDir of dataDirs) {
      expect(redisServersOf(dataDir)).toEqual([]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 503 + Retry-After while a killed redis-server is restarted, stays live, and loses no report', async () => {
    const dataDir = freshDataDir();
    const password = newBootstrapPassword();
    const server = await start(dataDir, password);
    const credentials = await credentialsOf(server.baseUrl, password);
    const before = report();
    expect((await post(server.baseUrl, before, credentials.ingestKey)).status).toBe(202);

    const killedPid = pidInPidfile(dataDir);
    const killedAt = Date.now();
    process.kill(killedPid, 'SIGKILL');

    // The same report is sent again until it is accepted, as a client retries with the same id.
    const after = report();
    const answers: Array<{ status: number; retryAfter: string | null }> = [];
    const liveness: number[] = [];
    while (Date.now() - killedAt < RECOVERY_WITHIN_MS + 10_000) {
      const answer = await post(server.baseUrl, after, credentials.ingestKey);
      answers.push(answer);
      if (answer.status === 202) break;
      liveness.push((await fetch(`${server.baseUrl}/health/live`)).status);
      await sleep(50);
    }
    const recoveredAfterMs = Date.now() - killedAt;
    process.stdout.write(`redis-server killed (-9): API back after ${recoveredAfterMs} ms, ${answers.length - 1} answers meanwhile\n`);

    expect(answers.at(-1)?.status).toBe(202);
    const meanwhile = answers.slice(0, -1);
    expect(meanwhile.length).toBeGreaterThan(0);
    expect(meanwhile.filter((answer) => answer.status !== 503 || answer.retryAfter === null)).toEqual([]);
    expect(liveness.filter((status) => status !== 200)).toEqual([]);
    expect(recoveredAfterMs).toBeLessThan(RECOVERY_WITHIN_MS);
    const restartedPid = pidInPidfile(dataDir);
    expect(restartedPid).not.toBe(killedPid);
    expect(redisServersOf(dataDir)).toEqual([restartedPid]);

    expect(await stored(server.baseUrl, before.id, credentials.admin)).toBe(true);
    expect(await stored(server.baseUrl, after.id, credentials.admin)).toBe(true);
    expect(server.output()).toContain('redis-server died (SIGKILL)');
    expect(await stopServer(server)).toBe(0);
  }, 120_000);

  it('fails /health/live once supervision gives up on a redis-server that cannot be started again', async () => {
    const dataDir = freshDataDir();
    const broken = join(dataDir, 'redis-binary-broken');
    const binary = join(dataDir, 'redis-server-until-broken');
    writeFileSync(binary, `#!/bin/sh\n[ -e '${broken}' ] && exit 1\nexec redis-server "$@"\n`);
    chmodSync(binary, 0o755);
    const server = await start(dataDir, newBootstrapPassword(), { REDIS_SERVER_BIN: binary, REDIS_RESTART_DELAY_MS: '10' });

    writeFileSync(broken, '');
    process.kill(pidInPidfile(dataDir), 'SIGKILL');
    const deadline = Date.now() + 20_000;
    let live = { status: 200, body: {} as unknown };
    while (Date.now() < deadline && live.status === 200) {
      await sleep(200);
      const response = await fetch(`${server.baseUrl}/health/live`);
      live = { status: response.status, body: await response.json() };
    }
    expect(live).toEqual({ status: 503, body: { status: 'failing', redis: 'given_up' } });
    // Without Redis the shutdown does not wait for it: no QUIT queued for ever, no job in hand awaited.
    const stoppingAt = Date.now();
    expect(await stopServer(server)).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(SHUTDOWN_WITHIN_MS);
  }, 120_000);

  it('stops in order on a Ctrl-C to its process group under light load: exit 0 within seconds, Redis last, no error burst', async () => {
    const dataDir = freshDataDir();
    const password = newBootstrapPassword();
    const server = await start(dataDir, password, { LOG_LEVEL: 'log' }, true);
    const credentials = await credentialsOf(server.baseUrl, password);

    // Light load: a report every 50 ms until the server stops answering.
    let loading = true;
    let accepted = 0;
    const load = (async () => {
      while (loading) {
        const answer = await post(server.baseUrl, report(), credentials.ingestKey).catch(() => null);
        if (answer?.status === 202) accepted += 1;
        await sleep(50);
      }
    })();
    await sleep(2_000);

    const pid = server.child.pid ?? 0;
    const exited = new Promise<number | null>((done) => server.child.once('exit', (code) => done(code)));
    const signalledAt = Date.now();
    process.kill(-pid, 'SIGINT');
    const code = await exited;
    const shutdownMs = Date.now() - signalledAt;
    loading = false;
    await load;
    process.stdout.write(`SIGINT to the server's process group under ~20 reports/s (${accepted} accepted): exited ${code} after ${shutdownMs} ms\n`);

    expect(code).toBe(0);
    expect(shutdownMs).toBeLessThan(SHUTDOWN_WITHIN_MS);
    expect(accepted).toBeGreaterThan(0);
    expect(redisServersOf(dataDir)).toEqual([]);
    const output = server.output();
    expect(output).toContain('stopped redis-server');
    expect(output).not.toContain('Connection is closed');
    expect(output).not.toContain('lost Redis');
    expect(output).not.toContain('ECONNREFUSED');
  }, 120_000);

  it('exits non-zero and leaves no redis-server behind when its HTTP port is taken', async () => {
    const dataDir = freshDataDir();
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((done) => squatter.listen(port, '127.0.0.1', done));
    try {
      const child = spawn(process.execPath, [join(WORKSPACE_ROOT, BUILT_SERVER_ENTRY)], {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ADMIN_BOOTSTRAP_PASSWORD: newBootstrapPassword() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
      clearTimeout(killer);

      expect({ code, output }).toEqual({ code: 1, output: expect.stringContaining('EADDRINUSE') });
      // It did start its redis-server (which wrote its log), and stopped it before exiting.
      expect(existsSync(join(dataDir, 'redis', 'redis.log'))).toBe(true);
      expect(redisServersOf(dataDir)).toEqual([]);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  }, 120_000);
});
