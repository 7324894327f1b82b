import type { Report } from '@grid-command/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { liveSocket } from '../testing/live-client';
import { ROUTE_EXAMPLES, type MatrixWorld } from '../testing/route-examples';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { HTTP_ACCESS_POLICY, type AccessPolicy } from './common/access';

/** Long enough for every route to be called while the killed redis-server is still down, before supervision restarts it. */
const RESTART_DELAY_MS = 8_000;
/** The one route that answers without Redis: liveness, which must stay ok while supervision restarts it. */
const WITHOUT_REDIS = new Set(['GET /health/live']);

const grids = demoGridCodes();
const STREET_A = `street:${grids[0]?.slice(0, 9) ?? ''}`;
const GRID_A = grids[0] ?? '';

interface Answer {
  readonly route: string;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly error: unknown;
}

/** The credential a route is called with: an ingest key where only keys may call it, else the admin (every user role). */
interface Credentials {
  readonly admin: string;
  readonly ingestKey: string;
  /** A credential the route may spend (a logout). */
  readonly spendable: () => Promise<string>;
}

function bearerFor(policy: AccessPolicy, credentials: Credentials): string {
  const onlyKeys = Array.isArray(policy.allow) && policy.allow.every((role) => role === 'ingest');
  return onlyKeys ? credentials.ingestKey : credentials.admin;
}

/**
 * Every route of the table with its matrix example, as a caller the guard lets through would send it; targets are
 * ids that name nothing (made without Redis), which a working server answers 404 and a server without Redis 503.
 */
async function callEveryRoute(world: MatrixWorld, credentials: Credentials): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const [route, policy] of Object.entries(HTTP_ACCESS_POLICY)) {
    const example = ROUTE_EXAMPLES[route];
    if (!example) throw new Error(`no example request for ${route} in testing/route-examples.ts`);
    const request =
      route === 'DELETE /api/v1/alert-mutes/:id'
        ? { method: 'DELETE', path: `/api/v1/alert-mutes/${randomUUID()}`, body: undefined }
        : await example.request(world, { refusedByRole: true });
    const token = policy.allow === 'public' ? undefined : example.spendsCredential ? await credentials.spendable() : bearerFor(policy, credentials);
    const response = await fetch(`${world.server.baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const body = (() => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    if (typeof body['refreshToken'] === 'string') world.spareRefreshTokens.push(body['refreshToken']);
    // Readiness says `status: unavailable`, every other route `error: unavailable`.
    answers.push({ route, status: response.status, retryAfter: response.headers.get('retry-after'), error: body['error'] ?? body['status'] });
  }
  return answers;
}

/** Why a handshake was refused, or `connected`. */
async function liveHandshake(server: RunningServer, token: string): Promise<string> {
  const socket = liveSocket(server, token);
  try {
    return await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.close();
  }
}

describe('while the embedded redis-server is down, every route that needs Redis answers 503 with Retry-After, then works again', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let world: MatrixWorld;

  const login = async (): Promise<string> => {
    const answer = await callApi(server, 'POST', '/api/v1/auth/login', world.login);
    return answer.body['accessToken'] as string;
  };
  const redisPid = (): number => Number(readFileSync(join(data.path, 'redis', 'redis.pid'), 'utf8'));

  beforeAll(async () => {
    server = await startTestServer(data.path, {
      REDIS_RESTART_DELAY_MS: String(RESTART_DELAY_MS),
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '1000000',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '1000000',
    });
    const admin = await server.credentials.adminToken();
    const critical: Report = { id: randomUUID(), gridCode: GRID_A, category: 'public_security', severity: 4, source: 'grid_worker', reportedAt: new Date().toISOString() };
    expect((await callApi(server, 'POST', '/api/v1/reports', critical, await server.credentials.ingestKey(STREET_A))).status).toBe(202);
    await until(async () => ((await callApi(server, 'GET', `/api/v1/tickets/${critical.id}`, undefined, admin)).status === 200 ? true : undefined), 15_000, 'the ticket stored');
    const alertId = await until(
      async () => ((await callApi(server, 'GET', `/api/v1/alerts?scope=grid:${GRID_A}`, undefined, admin)).body['alerts'] as Array<{ id: string }> | undefined)?.[0]?.id,
      10_000,
      'the critical alert',
    );
    const credentials = { username: `outage-${randomUUID().slice(0, 8)}`, password: 'outage-password-1234' };
    expect((await callApi(server, 'POST', '/api/v1/users', { ...credentials, roles: ['admin'], scopes: ['district:450103'] }, admin)).status).toBe(201);
    world = { server, admin, streetA: STREET_A, gridA: GRID_A, ticketId: critical.id, alertId, login: credentials, spareRefreshTokens: [] };
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  it('answers 503 + Retry-After on every route but liveness, refuses /live handshakes as unavailable, and recovers by itself', async () => {
    // Credentials the server has resolved just now (cached a few seconds), and ones it has never seen, whose
    // resolution needs Redis: the first reach the capabilities' own Redis calls, the second the access guard's.
    const warm: Credentials = { admin: await login(), ingestKey: await server.credentials.ingestKey(STREET_A), spendable: login };
    for (const token of [warm.admin, warm.ingestKey]) expect((await callApi(server, 'GET', '/api/v1/auth/me', undefined, token)).status).toBe(200);
    const unseenLogouts = [await login(), await login()];
    const unseen: Credentials = { admin: await login(), ingestKey: await server.credentials.ingestKey(STREET_A), spendable: async () => unseenLogouts.pop() ?? '' };
    for (let spare = 0; spare < 3; spare += 1) {
      world.spareRefreshTokens.push((await callApi(server, 'POST', '/api/v1/auth/login', world.login)).body['refreshToken'] as string);
    }

    const killedAt = Date.now();
    process.kill(redisPid(), 'SIGKILL');
    await until(async () => ((await callApi(server, 'GET', '/health/ready')).status === 503 ? true : undefined), 5_000, '/health/ready to say unavailable');

    const withCachedPrincipals = await callEveryRoute(world, warm);
    const withUnseenCredentials = await callEveryRoute(world, unseen);
    const liveRefusal = await liveHandshake(server, unseen.admin);
    const liveness = await callApi(server, 'GET', '/health/live');
    expect(Date.now() - killedAt).toBeLessThan(RESTART_DELAY_MS);

    // Never a 500; a 503 always says when to come back.
    const broken = (answers: Answer[]) => answers.filter((answer) => answer.status >= 500 && (answer.status !== 503 || answer.retryAfter === null));
    expect(broken(withCachedPrincipals)).toEqual([]);
    // A principal that must be looked up cannot be: every route answers 503 unavailable, never 401 or 500.
    const notUnavailable = withUnseenCredentials.filter(
      (answer) => !WITHOUT_REDIS.has(answer.route) && (answer.status !== 503 || answer.retryAfter === null || answer.error !== 'unavailable'),
    );
    expect(notUnavailable).toEqual([]);
    // Routes whose handlers reach Redis are 503 even when the principal came from the cache (these were 500).
    const handlerRoutes = ['GET /api/v1/tickets/:id', 'POST /api/v1/tickets/:id/events', 'GET /api/v1/alerts/:id', 'POST /api/v1/alerts/:id/actions', 'GET /api/v1/alert-mutes', 'POST /api/v1/alert-mutes', 'DELETE /api/v1/alert-mutes/:id', 'POST /api/v1/reports'];
    expect(withCachedPrincipals.filter((answer) => handlerRoutes.includes(answer.route) && answer.status !== 503)).toEqual([]);
    expect(liveRefusal).toBe('unavailable');
    expect(liveness).toEqual({ status: 200, body: { status: 'ok', redis: 'restarting' } });

    // Supervision restarts redis-server from its append-only file; the connections come back by themselves.
    await until(async () => ((await callApi(server, 'GET', '/health/ready')).status === 200 ? true : undefined), RESTART_DELAY_MS + 10_000, 'Redis back');
    expect(await callApi(server, 'GET', '/health/live')).toEqual({ status: 200, body: { status: 'ok', redis: 'up' } });
    const recovered: Credentials = { admin: await login(), ingestKey: unseen.ingestKey, spendable: login };
    const afterwards = await callEveryRoute(world, recovered);
    expect(afterwards.filter((answer) => answer.status >= 500)).toEqual([]);
    expect(await liveHandshake(server, recovered.admin)).toBe('connected');
    // What was stored before the kill is still there.
    expect((await callApi(server, 'GET', `/api/v1/tickets/${world.ticketId}`, undefined, recovered.admin)).status).toBe(200);
  }, 90_000);
});
