import type { PrincipalView, Report } from '@grid-command/contracts';
import { createRedis } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../../../testing/test-server';
import { RedisRuntime } from '../../infrastructure/redis-runtime.service';
import type { Principal } from '../access';
import { PipelineMetrics } from '../telemetry';
import { RateLimits } from './rate-limits.service';

const PRINCIPAL_PER_SECOND = 2;
const WINDOW_SECONDS = 10;
const FAILED_AUTH_PER_MINUTE = 5;

function report(gridCode: string): Report {
  return { id: randomUUID(), gridCode, category: 'noise', severity: 1, source: 'grid_worker', reportedAt: new Date().toISOString() };
}

function principalOf(view: PrincipalView): Principal {
  return { ...view, roles: new Set(view.roles), sessionId: null, expiresAt: null };
}

async function getWithRetryAfter(server: RunningServer, token: string): Promise<{ status: number; retryAfter: string | null }> {
  const response = await fetch(`${server.baseUrl}/api/v1/scopes`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

describe('request budgets in Redis hold across processes', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let otherProcessRedis: Redis;
  /** The same budgets as another API process sharing the server's Redis would count them. */
  let otherProcess: RateLimits;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, {
      RATE_LIMIT_PRINCIPAL_PER_SECOND: String(PRINCIPAL_PER_SECOND),
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: String(FAILED_AUTH_PER_MINUTE),
    });
    otherProcessRedis = createRedis(server.app.get(RedisRuntime).target, 'producer', 'other-api-process');
    otherProcess = new RateLimits(server.config, otherProcessRedis, new PipelineMetrics());
  });

  afterAll(async () => {
    otherProcessRedis?.disconnect();
    await server?.close();
    dataDir.remove();
  });

  it('answers 429 rate_limited with Retry-After once a user spends its budget, and only that user', async () => {
    const spender = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    const bystander = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    const budget = PRINCIPAL_PER_SECOND * WINDOW_SECONDS;
    // All at once, so they fall in one window however slow the machine is.
    const answers = await Promise.all(Array.from({ length: budget + 3 }, () => getWithRetryAfter(server, spender)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(budget);
    const refusals = answers.filter((answer) => answer.status !== 200);
    expect(refusals).toHaveLength(3);
    for (const refused of refusals) {
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
    const refusal = await callApi(server, 'GET', '/api/v1/scopes', undefined, spender);
    expect(refusal.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining(String(budget)) });
    expect((await getWithRetryAfter(server, bystander)).status).toBe(200);
  });

  it("counts what another process spent of a user's budget", async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    const me = await callApi(server, 'GET', '/api/v1/auth/me', undefined, token);
    const principal = principalOf(me.body as unknown as PrincipalView);
    const budget = PRINCIPAL_PER_SECOND * WINDOW_SECONDS;
    for (let request = 1; request < budget; request++) otherProcess.countRequest(principal);
    await otherProcess.flush();
    // This process learns what the other spent at its next sync (every 200 ms), so it admits at most what arrives
    // before then — without the shared count it would admit the whole budget again.
    let admitted = 0;
    const refused = await until(async () => {
      const answer = await getWithRetryAfter(server, token);
      if (answer.status === 200) admitted += 1;
      return answer.status === 429 ? answer : undefined;
    }, 2_000, 'the budget spent elsewhere to be refused here');
    expect(refused.status).toBe(429);
    expect(admitted).toBeLessThan(budget / 2);
  });

  it('carries campaign load on one ingest key: 2,000 single-report requests and 10 batches of 1,000 pass', async () => {
    const key = await server.credentials.ingestKey('district:450103');
    const grids = demoGridCodes();
    const post = (body: unknown) =>
      fetch(`${server.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    const statuses: number[] = [];
    const startedAt = Date.now();
    for (let wave = 0; wave < 40; wave++) {
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, (_, index) => post(report(grids[(wave * 50 + index) % grids.length] ?? ''))))));
    }
    for (let batch = 0; batch < 10; batch++) statuses.push(await post(Array.from({ length: 1000 }, (_, index) => report(grids[index % grids.length] ?? ''))));
    process.stdout.write(`ingest: ${statuses.length} requests in ${Date.now() - startedAt} ms on one key\n`);
    expect(statuses.filter((status) => status !== 202)).toEqual([]);
  });

  it('refuses an address that failed authentication too often, counted across processes', async () => {
    const valid = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    const missing = await callApi(server, 'GET', '/api/v1/scopes');
    expect(missing.status).toBe(401);
    for (let failure = 0; failure < FAILED_AUTH_PER_MINUTE; failure++) await otherProcess.countFailedAuthentication('127.0.0.1');
    const wrong = await getWithRetryAfter(server, 'wrong-token-0123456789abcdef');
    expect(wrong.status).toBe(401);
    // The failure is counted once the 401 is sent, so the refusal starts a Redis round trip later.
    const blocked = await until(async () => {
      const answer = await getWithRetryAfter(server, valid);
      return answer.status === 429 ? answer : undefined;
    }, 2_000, 'the address to be refused');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(1);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(60);
  });
});
