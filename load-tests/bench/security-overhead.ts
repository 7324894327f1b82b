/**
 * The security layer's phase of `npm run bench`: a cheap public GET (before and after) and a cheap authenticated one,
 * each in a closed loop over the same connections for the same time, so their difference is what checking a credential
 * costs per request; then requests without a credential to routes that need one, which must all be refused.
 */
import { performance } from 'node:perf_hooks';
import { percentilesOf } from '../src/percentiles';
import type { CredentialKind, SecurityOverhead, SecurityRun } from '../src/security-overhead';
import type { BenchCredentials } from './credentials';
import type { KeepAliveClient } from './http-client';

export interface SecurityPlan {
  readonly connections: number;
  readonly seconds: number;
  /** Unmeasured requests first, so each route meets warm connections and a warm JIT. */
  readonly warmUpRequests: number;
}

const PUBLIC_ROUTE = '/health/live';
const AUTHENTICATED_ROUTE = '/api/v1/auth/me';

async function closedLoop(client: KeepAliveClient, path: string, credential: CredentialKind, plan: SecurityPlan): Promise<SecurityRun> {
  for (let request = 0; request < plan.warmUpRequests; request += 1) await client.send('GET', path).catch(() => null);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + plan.seconds * 1_000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const answer = await client.send('GET', path).catch(() => null);
      if (answer === null || answer.status !== 200) errors += 1;
      if (answer !== null) latencies.push(answer.ms);
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, worker));
  const seconds = (performance.now() - started) / 1_000;
  return {
    route: `GET ${path}`,
    credential,
    connections: plan.connections,
    seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    errors,
    latencyMs: percentilesOf(latencies),
  };
}

export async function measureSecurityOverhead(client: KeepAliveClient, credentials: BenchCredentials, plan: SecurityPlan): Promise<SecurityOverhead> {
  const before = await closedLoop(client, PUBLIC_ROUTE, 'none', plan);
  const authenticated = [
    await closedLoop(client.as(credentials.officer), AUTHENTICATED_ROUTE, 'access token', plan),
    await closedLoop(client.as(() => credentials.ingestKey), AUTHENTICATED_ROUTE, 'ingest key', plan),
    await closedLoop(client.as(() => credentials.displayToken), AUTHENTICATED_ROUTE, 'display token', plan),
  ];
  // The public route is measured on both sides of the authenticated ones and the faster run kept: the worker may
  // still be storing the warm-up's reports during the first, which made the public route look slower than the
  // authenticated one (a negative cost).
  const after = await closedLoop(client, PUBLIC_ROUTE, 'none', plan);
  const baseline = after.requestsPerSecond > before.requestsPerSecond ? after : before;
  const anonymous = [await client.send('GET', AUTHENTICATED_ROUTE), await client.send('POST', '/api/v1/reports', '[]'), await client.send('GET', '/api/v1/snapshot?scope=district:450103')];
  return { baseline, authenticated, anonymous: { sent: anonymous.length, refused: anonymous.filter((answer) => answer.status === 401).length } };
}
