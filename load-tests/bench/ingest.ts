import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestAcceptedSchema } from '@grid-command/contracts';
import { backpressureSeconds } from '../src/backpressure';
import type { GridSite } from '../src/grid-sites';
import { makeBatch } from '../src/report-factory';
import type { KeepAliveClient } from './http-client';

export interface PreparedBody {
  readonly json: string;
  readonly size: number;
}

/** Bodies built before the clock starts, so report generation does not compete with the server for CPU. */
export function prepareBodies(sites: readonly GridSite[], batchSize: number, count: number): PreparedBody[] {
  const entropy = { random: Math.random, newId: randomUUID, now: Date.now };
  return Array.from({ length: count }, () => {
    const reports = makeBatch(sites, batchSize, entropy);
    return { json: JSON.stringify(batchSize === 1 ? reports[0] : reports), size: batchSize };
  });
}

/** What the API acknowledged over the whole bench: the ground truth the final snapshot must match. */
export class IngestLedger {
  /** Reports in bodies acknowledged at least once: each body holds fresh, distinct ids. */
  distinctAccepted = 0;
  /** Sum of `accepted` over every 202; above distinctAccepted means the API counted something twice. */
  acceptedAnswers = 0;
  /** Reports re-sent on purpose, and how many of them the API answered as duplicates. */
  resent = 0;
  duplicatesAnswered = 0;
}

export interface PostResult {
  readonly acknowledged: boolean;
  readonly latenciesMs: readonly number[];
  readonly errors: number;
  /** Answers 503/429 with Retry-After (the server shedding load), waited out and sent again: not errors. */
  readonly backpressured: number;
}

const MAX_ATTEMPTS = 5;
/** A server that sheds load for longer than this is not coming back during the bench. */
const MAX_BACKPRESSURE_WAIT_MS = 120_000;

/**
 * Posts one body as a well-behaved client: a 503 or 429 with Retry-After is waited out and sent again without using
 * up an attempt; another 5xx or network error is retried with backoff; always with the same ids (a retry that the
 * API had already taken counts as a duplicate, not as a new report).
 */
export async function postBody(client: KeepAliveClient, ledger: IngestLedger, body: PreparedBody, resend = false): Promise<PostResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let backpressured = 0;
  let waitedMs = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const answer = await client.send('POST', '/api/v1/reports', body.json);
      latenciesMs.push(answer.ms);
      const waitSeconds = backpressureSeconds(answer.status, answer.retryAfter);
      if (waitSeconds !== null && waitedMs < MAX_BACKPRESSURE_WAIT_MS) {
        backpressured += 1;
        waitedMs += waitSeconds * 1_000;
        await sleep(waitSeconds * 1_000);
        attempt -= 1;
        continue;
      }
      const acknowledged = answer.status === 202 ? ingestAcceptedSchema.safeParse(answer.body) : null;
      if (acknowledged?.success) {
        ledger.acceptedAnswers += acknowledged.data.accepted;
        if (resend) {
          ledger.resent += body.size;
          ledger.duplicatesAnswered += acknowledged.data.duplicates;
        } else {
          ledger.distinctAccepted += body.size;
        }
        return { acknowledged: true, latenciesMs, errors, backpressured };
      }
      errors += 1;
      if (answer.status < 500 && answer.status !== 429) {
        console.error(`POST /api/v1/reports answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        return { acknowledged: false, latenciesMs, errors, backpressured };
      }
    } catch (error) {
      errors += 1;
      if (attempt === MAX_ATTEMPTS) console.error(`POST /api/v1/reports failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(100 * 2 ** (attempt - 1));
  }
  return { acknowledged: false, latenciesMs, errors, backpressured };
}

/**
 * Posts prepared batches of 100 at `rate` reports/s over `sites` until stopped, without waiting for answers (an
 * open loop: a slow server gets more requests in flight, not fewer reports). Returns how to stop and wait for it.
 */
export function startBackgroundFeed(client: KeepAliveClient, ledger: IngestLedger, sites: readonly GridSite[], rate: number, maxSeconds = 120): () => Promise<void> {
  if (rate <= 0) return () => Promise.resolve();
  const bodies = prepareBodies(sites, 100, Math.ceil((rate / 100) * maxSeconds));
  const inFlight = new Set<Promise<unknown>>();
  let next = 0;
  const timer = setInterval(() => {
    const body = bodies[next];
    if (body === undefined) return;
    next += 1;
    const sending = postBody(client, ledger, body).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }, 100_000 / rate);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
  };
}
