import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { processLogger } from './process-logger';
import { demoGridCodes, startTestServer, tempDataDir, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME, WORKSPACE_ROOT, type RunningServer } from '../../../testing/test-server';

interface LogLine {
  readonly level: number;
  readonly time: string;
  readonly msg: string;
  readonly requestId?: string;
  readonly context?: string;
  readonly req?: { readonly method: string; readonly url: string };
  readonly res?: { readonly statusCode: number };
}

describe('JSON logs through the configured logger', () => {
  const dataDir = tempDataDir();
  const dashboardDir = join(dataDir.path, 'dashboards');
  const written: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      done();
    },
  });
  const lines = (): LogLine[] => written.map((line) => JSON.parse(line) as LogLine);
  const ofRequest = (id: string): LogLine[] => lines().filter((line) => line.requestId === id);
  let server: RunningServer;
  let ingestKey: string;
  let displayToken: string;
  let session: { accessToken: string; refreshToken: string };

  const get = (path: string, headers: Record<string, string>) => fetch(`${server.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    cpSync(join(WORKSPACE_ROOT, 'dashboards'), dashboardDir, { recursive: true });
    server = await startTestServer(dataDir.path, { LOG_LEVEL: 'log', DASHBOARD_DIR: dashboardDir }, { logDestination: capture });
    ingestKey = await server.credentials.ingestKey('district:450103');
    displayToken = (await server.credentials.displayToken('district:450103')).token;
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD }),
    });
    session = (await login.json()) as typeof session;
  }, 120_000);

  afterAll(async () => {
    await server.close();
    dataDir.remove();
  });

  it('writes every line as JSON with a level and a time, at LOG_LEVEL=log none below info', () => {
    expect(written.length).toBeGreaterThan(0);
    for (const line of lines()) {
      expect(typeof line.level).toBe('number');
      expect(line.level).toBeGreaterThanOrEqual(30);
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    }
    // Nest's own `new Logger(Name)` lines of the start-up come through the same logger.
    expect(lines().some((line) => line.context === 'InfrastructureModule' && line.level === 30)).toBe(true);
  });

  it('logs a request with the id the caller sent, echoes it, and cuts the display token out of the address', async () => {
    const response = await get(`/api/v1/scopes?display=${displayToken}`, {
      authorization: `Bearer ${displayToken}`,
      cookie: 'session=cookie-secret-value',
      'x-request-id': 'spec-trace-0001',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('spec-trace-0001');
    const [line] = ofRequest('spec-trace-0001');
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/v1/scopes?display=[redacted]' }, res: { statusCode: 200 } });
    expect(line?.msg).toBe('GET /api/v1/scopes?display=[redacted] 200');
  });

  it('gives a request without a well-formed id a new one', async () => {
    const response = await get('/api/v1/scopes', { authorization: `Bearer ${displayToken}`, 'x-request-id': 'x'.repeat(65) });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ofRequest(id)).toHaveLength(1);
  });

  it('puts the request id on a line the code writes while handling the request', async () => {
    // A layout file the server has not read yet: the request reads it (before the directory watcher settles) and logs it.
    writeFileSync(join(dashboardDir, 'typo-wall.json'), '{"not": "a dashboard"}');
    const response = await get('/api/v1/dashboards/typo-wall', { authorization: `Bearer ${displayToken}`, 'x-request-id': 'spec-trace-0002' });
    expect(response.status).toBe(503);
    const handling = ofRequest('spec-trace-0002');
    expect(handling.find((line) => line.context === 'DashboardCatalog')).toMatchObject({ level: 50, msg: expect.stringContaining('typo-wall.json') });
    expect(handling.find((line) => line.req !== undefined)).toMatchObject({ res: { statusCode: 503 } });
  });

  it('writes no line for an accepted report at the default level', async () => {
    const report = { id: randomUUID(), gridCode: demoGridCodes()[0], category: 'noise', severity: 2, source: 'grid_worker', reportedAt: new Date().toISOString() };
    const response = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}`, 'x-request-id': 'spec-trace-0003' },
      body: JSON.stringify(report),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe('spec-trace-0003');
    expect(ofRequest('spec-trace-0003')).toEqual([]);
  });

  it('censors ingest keys and display tokens in what the code logs', () => {
    new Logger('Spec').warn(`a message quoting ${ingestKey} and ${displayToken}`);
    expect(lines().find((line) => line.context === 'Spec')?.msg).toBe('a message quoting gck_[redacted] and gcd_[redacted]');
    processLogger().pino.info({ req: { headers: { authorization: `Bearer ${ingestKey}`, cookie: 'session=cookie-secret-value' } }, password: TEST_ADMIN_PASSWORD }, 'logged by hand');
    expect(lines().find((line) => line.msg === 'logged by hand')).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      password: '[redacted]',
    });
  });

  it('never writes a password, a token, a key or a cookie', () => {
    const secrets = [TEST_ADMIN_PASSWORD, session.accessToken, session.refreshToken, ingestKey, displayToken, 'cookie-secret-value'];
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length > 8)).toBe(true);
    const text = written.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
