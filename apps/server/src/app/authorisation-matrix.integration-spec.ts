import type { AccessRole, PrincipalKind, Report, UserRole } from '@grid-command/contracts';
import { DiscoveryService } from '@nestjs/core';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { liveSocket } from '../testing/live-client';
import { exampleFitsRoute, ROUTE_EXAMPLES, type MatrixWorld } from '../testing/route-examples';
import { exampleWallHealth } from '../testing/wall-health-example';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, WORKSPACE_ROOT, type RunningServer } from '../testing/test-server';
import { HTTP_ACCESS_POLICY, routeKeysOfController, SOCKET_ACCESS_POLICY, SOCKET_CONNECT_POLICY, type AccessPolicy } from './common/access';

const TOKEN_SECRET = 'authorisation-matrix-signing-secret-0123456789';
const SCRAPE_TOKEN = 'authorisation-matrix-scrape-token-0123456789';
const grids = demoGridCodes();
const [STREET_A, STREET_B] = [...new Set(grids.map((grid) => `street:${grid.slice(0, 9)}`))] as [string, string];
const [GRID_A] = grids.filter((grid) => grid.startsWith(STREET_A.slice('street:'.length))) as [string];

/** Who sends a case: a valid credential with its effective roles and whether it is granted street A, or a bad one. */
interface Caller {
  readonly label: string;
  /** Null for a caller who must be refused 401 on every route that is not public. */
  readonly roles: ReadonlySet<AccessRole> | null;
  /** `scrape_token`: METRICS_SCRAPE_TOKEN, which is no principal and passes only where the entry says `scrapeToken`. */
  readonly kind: PrincipalKind | 'scrape_token' | null;
  readonly inScope: boolean;
  readonly token: string | undefined;
  /** Another credential like this one, for a case that spends it. */
  readonly fresh?: () => Promise<string>;
}

type Expected = 401 | 403 | 'allowed';

/**
 * The rule the matrix checks, written once from the policy table: public routes never answer 401; a missing or bad
 * credential is 401; a kind of credential or a role the entry does not allow is 403; an allowed caller outside the
 * scope the route touches is 403; anything else is let through (whatever the capability then answers, short of
 * 401, 403 or a 5xx).
 */
function expectedAnswer(policy: AccessPolicy, caller: Caller): Expected {
  return refusalByRole(policy, caller) ?? (policy.scope.kind !== 'none' && !caller.inScope ? 403 : 'allowed');
}

function refusalByRole(policy: AccessPolicy, caller: Caller): 401 | 403 | null {
  if (policy.allow === 'public') return null;
  if (caller.kind === 'scrape_token') return policy.scrapeToken ? null : 401;
  if (caller.roles === null || caller.kind === null) return 401;
  if (policy.kinds && !policy.kinds.includes(caller.kind)) return 403;
  if (policy.allow !== 'authenticated' && !policy.allow.some((role) => caller.roles?.has(role))) return 403;
  return null;
}

function answerFits(expected: Expected, status: number): boolean {
  return expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** The same access token with its expiry an hour ago, signed with the server's secret: only the expiry is wrong. */
function expiredCopyOf(token: string): string {
  const [header, payload] = token.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const signed = `${header}.${base64url(JSON.stringify({ ...claims, iat: nowSeconds - 7200, exp: nowSeconds - 3600 }))}`;
  return `${signed}.${createHmac('sha256', TOKEN_SECRET).update(signed).digest('base64url')}`;
}

/** One character of the signature changed, in its middle: the last character also carries padding bits. */
function tampered(token: string): string {
  const index = token.lastIndexOf('.') + 10;
  return `${token.slice(0, index)}${token[index] === 'A' ? 'B' : 'A'}${token.slice(index + 1)}`;
}

/** The reasons of a refused handshake that mean the credential itself is bad, as 401 does over REST. */
const CREDENTIAL_REFUSALS = ['unauthenticated', 'token_expired', 'token_revoked'];

/**
 * What `/live` did with a caller: refused the handshake (401 for a bad credential, 403 `forbidden`), or connected
 * and then answered `event` with `{scope: street A}` — `allowed` for ok, 403 for `forbidden`. Anything else is
 * reported as it came, and fits no expectation.
 */
async function liveOutcome(server: RunningServer, token: string | undefined, event: keyof typeof SOCKET_ACCESS_POLICY | null): Promise<Expected | string> {
  const socket = liveSocket(server, token);
  try {
    const refusal = await new Promise<string | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', (error) => resolve(error.message));
    });
    if (refusal !== null) return CREDENTIAL_REFUSALS.includes(refusal) ? 401 : refusal === 'forbidden' ? 403 : `connect_error ${refusal}`;
    if (event === null) return 'allowed';
    // A health report names the scope the wall shows where the other events name the scope they join.
    const payload = event === 'reportWallHealth' ? exampleWallHealth(STREET_A) : { scope: STREET_A };
    const ack = await socket.timeout(5_000).emitWithAck(event as 'subscribe', payload as { scope: string });
    return ack.ok ? 'allowed' : ack.error === 'forbidden' ? 403 : `ack ${ack.error}`;
  } finally {
    socket.close();
  }
}

interface CaseResult {
  readonly route: string;
  readonly caller: string;
  readonly expected: Expected;
  readonly status: number;
  readonly fits: boolean;
}

describe('authorisation matrix: every route of HTTP_ACCESS_POLICY × every kind of caller', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let world: MatrixWorld;
  let callers: Caller[];
  const results: CaseResult[] = [];

  beforeAll(async () => {
    server = await startTestServer(data.path, {
      AUTH_TOKEN_SECRET: TOKEN_SECRET,
      // The matrix measures who is let through, not how fast: rate limits would answer 429 in place of 401.
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '1000000',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '1000000',
      METRICS_SCRAPE_TOKEN: SCRAPE_TOKEN,
    });
    const credentials = server.credentials;
    const admin = await credentials.adminToken();

    // Real resources in street A: a severity-4 report is a ticket and a critical alert.
    const critical: Report = { id: randomUUID(), gridCode: GRID_A, category: 'public_security', severity: 4, source: 'grid_worker', reportedAt: new Date().toISOString() };
    const reporter = await credentials.ingestKey(STREET_A);
    expect((await callApi(server, 'POST', '/api/v1/reports', critical, reporter)).status).toBe(202);
    await until(async () => ((await callApi(server, 'GET', `/api/v1/tickets/${critical.id}`, undefined, admin)).status === 200 ? true : undefined), 15_000, 'the ticket stored');
    const alertId = await until(
      async () => ((await callApi(server, 'GET', `/api/v1/alerts?scope=grid:${GRID_A}`, undefined, admin)).body['alerts'] as Array<{ id: string }> | undefined)?.[0]?.id,
      10_000,
      'the critical alert',
    );
    const login = { username: `matrix-login-${randomUUID().slice(0, 8)}`, password: 'matrix-password-1234' };
    expect((await callApi(server, 'POST', '/api/v1/users', { ...login, roles: ['leader'], scopes: [STREET_A] }, admin)).status).toBe(201);
    world = { server, admin, streetA: STREET_A, gridA: GRID_A, ticketId: critical.id, alertId, login, spareRefreshTokens: [] };

    const userRoles: Readonly<Record<UserRole, AccessRole[]>> = {
      leader: ['leader'],
      duty_officer: ['duty_officer', 'leader'],
      operator: ['operator'],
      admin: ['admin', 'duty_officer', 'leader', 'operator'],
    };
    const valid: Caller[] = [];
    for (const [street, inScope] of [[STREET_A, true], [STREET_B, false]] as const) {
      for (const [role, roles] of Object.entries(userRoles) as Array<[UserRole, AccessRole[]]>) {
        const mint = () => credentials.userToken({ roles: [role], scopes: [street] });
        valid.push({ label: `${role} ${inScope ? 'in' : 'out of'} scope`, roles: new Set(roles), kind: 'user', inScope, token: await mint(), fresh: mint });
      }
      const key = () => credentials.ingestKey(street);
      valid.push({ label: `ingest key ${inScope ? 'in' : 'out of'} scope`, roles: new Set(['ingest']), kind: 'ingest_key', inScope, token: await key(), fresh: key });
      const wall = () => credentials.displayToken(street).then((issued) => issued.token);
      valid.push({ label: `display token ${inScope ? 'in' : 'out of'} scope`, roles: new Set(['leader']), kind: 'display_token', inScope, token: await wall(), fresh: wall });
    }

    const signedOut = await credentials.userToken({ roles: ['duty_officer'], scopes: [STREET_A] });
    expect((await callApi(server, 'POST', '/api/v1/auth/logout', undefined, signedOut)).status).toBeLessThan(300);
    const revokedKey = await callApi(server, 'POST', '/api/v1/ingest-keys', { name: 'matrix revoked key', scope: STREET_A }, admin);
    expect((await callApi(server, 'DELETE', `/api/v1/ingest-keys/${String(revokedKey.body['id'])}`, undefined, admin)).status).toBeLessThan(300);
    const officerToken = valid.find((caller) => caller.label === 'duty_officer in scope')?.token ?? '';
    const invalid: Caller[] = [
      { label: 'anonymous', roles: null, kind: null, inScope: true, token: undefined },
      { label: 'expired access token', roles: null, kind: null, inScope: true, token: expiredCopyOf(officerToken) },
      { label: 'signed-out session', roles: null, kind: null, inScope: true, token: signedOut },
      { label: 'revoked ingest key', roles: null, kind: null, inScope: true, token: String(revokedKey.body['key']) },
      { label: 'tampered access token', roles: null, kind: null, inScope: true, token: tampered(officerToken) },
      { label: 'wrong scrape token', roles: null, kind: null, inScope: true, token: `${SCRAPE_TOKEN.slice(0, -1)}x` },
    ];
    const scraper: Caller = { label: 'scrape token', roles: new Set(), kind: 'scrape_token', inScope: true, token: SCRAPE_TOKEN };
    callers = [...valid, scraper, ...invalid];

    // Each valid credential is who the matrix says it is.
    for (const caller of valid) {
      const me = await callApi(server, 'GET', '/api/v1/auth/me', undefined, caller.token);
      expect({ caller: caller.label, roles: [...((me.body['roles'] as string[] | undefined) ?? [])].sort() }).toEqual({ caller: caller.label, roles: [...(caller.roles ?? [])].sort() });
    }
  }, 180_000);

  afterAll(async () => {
    const asExpected = results.filter((result) => result.fits).length;
    const summary = { cases: results.length, asExpected, routes: new Set(results.map((result) => result.route)).size, callers: callers?.length ?? 0 };
    process.stdout.write(`authorisation matrix: ${summary.cases} cases (${summary.routes} routes and socket events × ${summary.callers} callers), ${asExpected} as expected\n`);
    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'authorisation-matrix.json'), `${JSON.stringify({ ...summary, results }, null, 2)}\n`);
    await server?.close();
    data.remove();
  });

  it('has an example for every policy entry, and a policy entry for every route the server serves', () => {
    const served = server.app
      .get(DiscoveryService)
      .getControllers()
      .flatMap((wrapper) => (wrapper.metatype ? routeKeysOfController(wrapper.metatype as Parameters<typeof routeKeysOfController>[0]) : []));
    const policed = Object.keys(HTTP_ACCESS_POLICY);
    expect(served.filter((route) => !policed.includes(route))).toEqual([]);
    expect(policed.filter((route) => !served.includes(route))).toEqual([]);
    expect(policed.filter((route) => ROUTE_EXAMPLES[route] === undefined)).toEqual([]);
    expect(Object.keys(ROUTE_EXAMPLES).filter((route) => !policed.includes(route))).toEqual([]);
  });

  it.each(Object.entries(HTTP_ACCESS_POLICY))('%s answers every caller as its entry says', async (route, policy) => {
    const example = ROUTE_EXAMPLES[route];
    if (!example) throw new Error(`no example request for ${route} in testing/route-examples.ts`);
    const mismatches: string[] = [];
    for (const caller of callers) {
      const expected = expectedAnswer(policy, caller);
      const request = await example.request(world, { refusedByRole: refusalByRole(policy, caller) !== null });
      expect(exampleFitsRoute(route, request)).toBe(true);
      const token = example.spendsCredential && caller.fresh && expected === 'allowed' ? await caller.fresh() : caller.token;
      const answer = await callApi(server, request.method, request.path, request.body, token);
      request.onAnswer?.(answer.body);
      await request.cleanUp?.();
      const fits = answerFits(expected, answer.status);
      results.push({ route, caller: caller.label, expected, status: answer.status, fits });
      if (!fits) mismatches.push(`${caller.label}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([['connect', SOCKET_CONNECT_POLICY] as const, ...Object.entries(SOCKET_ACCESS_POLICY)])(
    'socket %s on /live answers every caller as SOCKET_ACCESS_POLICY says',
    async (event, policy) => {
      const mismatches: string[] = [];
      for (const caller of callers) {
        // Connecting needs the connect policy; an event, both.
        const expected = event === 'connect' ? expectedAnswer(policy, caller) : refusedAtConnect(caller) ?? expectedAnswer(policy, caller);
        const outcome = await liveOutcome(server, caller.token, event === 'connect' ? null : event);
        const status = typeof outcome === 'number' ? outcome : outcome === 'allowed' ? 200 : 0;
        const fits = outcome === expected;
        results.push({ route: `socket ${event}`, caller: caller.label, expected, status, fits });
        if (!fits) mismatches.push(`${caller.label}: expected ${expected}, got ${outcome}`);
      }
      expect(mismatches).toEqual([]);
    },
  );
});

function refusedAtConnect(caller: Caller): 401 | 403 | null {
  const connect = expectedAnswer(SOCKET_CONNECT_POLICY, caller);
  return connect === 'allowed' ? null : connect;
}
