import { performance } from 'node:perf_hooks';
import { percentilesOf, type ThroughputRun } from '../src/bench-result';
import type { GridSite } from '../src/grid-sites';
import type { KeepAliveClient } from './http-client';
import { postBody, prepareBodies, type IngestLedger, type PreparedBody } from './ingest';

export interface ThroughputPlan {
  readonly batchSize: number;
  readonly connections: number;
  readonly seconds: number;
  /** Upper bound on requests, so a fast machine does not pile up unbounded data. */
  readonly maxRequests: number;
}

/**
 * Closed loop: `connections` workers each send the next prepared body as soon as the previous one is
 * answered, until the time or the bodies run out. Reports/s counts only what the API acknowledged.
 * The first acknowledged bodies (up to 20) are added to `resendPool` for the idempotency check.
 */
export async function measureThroughput(
  client: KeepAliveClient,
  ledger: IngestLedger,
  sites: readonly GridSite[],
  plan: ThroughputPlan,
  resendPool: PreparedBody[] = [],
): Promise<Omit<ThroughputRun, 'drainMs'>> {
  const bodies = prepareBodies(sites, plan.batchSize, plan.maxRequests);
  const latencies: number[] = [];
  let next = 0;
  let requests = 0;
  let errors = 0;
  let backpressured = 0;
  let accepted = 0;
  const started = performance.now();
  const deadline = started + plan.seconds * 1_000;

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && next < bodies.length) {
      const body = bodies[next] as PreparedBody;
      next += 1;
      const result = await postBody(client, ledger, body);
      requests += result.latenciesMs.length;
      errors += result.errors;
      backpressured += result.backpressured;
      latencies.push(...result.latenciesMs);
      if (result.acknowledged) {
        accepted += body.size;
        if (resendPool.length < 20) resendPool.push(body);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, worker));
  const seconds = (performance.now() - started) / 1_000;
  return {
    batchSize: plan.batchSize,
    connections: plan.connections,
    seconds,
    requests,
    reportsAccepted: accepted,
    reportsPerSecond: accepted / seconds,
    requestsPerSecond: requests / seconds,
    errors,
    backpressured,
    latencyMs: percentilesOf(latencies),
  };
}
