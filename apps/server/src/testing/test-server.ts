import type { UserRole } from '@grid-command/contracts';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type CreateAppOptions } from '../app/create-app';
import { loadAppConfig, type AppConfig } from '../config/app-config';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const DEMO_REFERENCE = join(WORKSPACE_ROOT, 'reference/demo-district.json');

/** Grid codes of the demo district, for building valid reports. */
export function demoGridCodes(): string[] {
  const file = JSON.parse(readFileSync(DEMO_REFERENCE, 'utf8')) as { features: Array<{ properties: { level: string; code: string } }> };
  return file.features.filter((feature) => feature.properties.level === 'grid').map((feature) => feature.properties.code);
}

/** The first admin's password on every test server (`ADMIN_BOOTSTRAP_PASSWORD`), unless a test overrides it. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-0123';
export const TEST_ADMIN_USERNAME = 'admin';

/** Credentials made through the server's own API, as the admin bootstrap created it. */
export interface TestCredentials {
  /** The bootstrap admin's access token (logged in once, then reused). */
  adminToken(): Promise<string>;
  /** A new user with these roles and scopes, created by the admin, logged in: their access token. */
  userToken(options: { roles: UserRole[]; scopes: string[]; username?: string }): Promise<string>;
  /** A new ingest key of the scope. */
  ingestKey(scope?: string): Promise<string>;
  /** A new display token of the scope, with its id (to revoke it). */
  displayToken(scope?: string): Promise<{ id: string; token: string }>;
}

export interface RunningServer {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly baseUrl: string;
  readonly credentials: TestCredentials;
  close(): Promise<void>;
}

/**
 * The real server, composed exactly as `main` does, on a free port with its own redis-server and chdb directory; the
 * first admin is bootstrapped with `TEST_ADMIN_PASSWORD` unless `ADMIN_BOOTSTRAP_PASSWORD` is overridden.
 */
export async function startTestServer(dataDir: string, overrides: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<RunningServer> {
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    REFERENCE_FILE: DEMO_REFERENCE,
    DASHBOARD_DIR: join(WORKSPACE_ROOT, 'dashboards'),
    SLA_POLICY_FILE: join(WORKSPACE_ROOT, 'config/sla-policy.json'),
    WORK_CALENDAR_FILE: join(WORKSPACE_ROOT, 'config/work-calendar.json'),
    ALERT_RULES_FILE: join(WORKSPACE_ROOT, 'config/alert-rules.json'),
    SCREEN_DIR: join(dataDir, 'no-screen'),
    LOG_LEVEL: 'warn',
    ADMIN_BOOTSTRAP_PASSWORD: TEST_ADMIN_PASSWORD,
    ...overrides,
  });
  const app = await createApp(config, options);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const server: RunningServer = {
    app,
    config,
    baseUrl,
    credentials: testCredentials(() => server, config.auth.bootstrapAdminPassword ?? TEST_ADMIN_PASSWORD),
    close: () => app.close(),
  };
  return server;
}

function testCredentials(server: () => RunningServer, adminPassword: string): TestCredentials {
  let admin: Promise<string> | null = null;
  const answered = async (answer: Promise<{ status: number; body: Record<string, unknown> }>, status: number, what: string) => {
    const { status: got, body } = await answer;
    if (got !== status) throw new Error(`${what} answered ${got}: ${JSON.stringify(body)}`);
    return body;
  };
  const login = async (username: string, password: string): Promise<string> =>
    (await answered(callApi(server(), 'POST', '/api/v1/auth/login', { username, password }), 200, `logging in ${username}`))['accessToken'] as string;
  const adminToken = (): Promise<string> => {
    admin ??= login(TEST_ADMIN_USERNAME, adminPassword).catch((error: unknown) => {
      admin = null;
      throw error;
    });
    return admin;
  };
  return {
    adminToken,
    async userToken({ roles, scopes, username }) {
      const name = username ?? `user-${randomBytes(4).toString('hex')}`;
      const password = randomBytes(16).toString('base64url');
      await answered(callApi(server(), 'POST', '/api/v1/users', { username: name, password, roles, scopes }, await adminToken()), 201, `creating user ${name}`);
      return login(name, password);
    },
    async ingestKey(scope = 'district:450103') {
      const body = await answered(callApi(server(), 'POST', '/api/v1/ingest-keys', { name: `test key ${scope}`, scope }, await adminToken()), 201, 'creating an ingest key');
      return body['key'] as string;
    },
    async displayToken(scope = 'district:450103') {
      const body = await answered(callApi(server(), 'POST', '/api/v1/display-tokens', { name: `test wall ${scope}`, scope }, await adminToken()), 201, 'creating a display token');
      return { id: body['id'] as string, token: body['token'] as string };
    },
  };
}

export function tempDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'grid-command-server-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Polls `probe` every 50 ms until it returns a value, failing after `timeoutMs` with what was awaited. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One JSON request, with `token` as its bearer credential; answers the status and the parsed body (an empty body reads as {}). */
export async function callApi(
  server: Pick<RunningServer, 'baseUrl'>,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // An answer that is not JSON (the Prometheus text of /metrics) is kept whole as `text`.
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: text === '' ? {} : json ? (JSON.parse(text) as Record<string, unknown>) : { text } };
}
