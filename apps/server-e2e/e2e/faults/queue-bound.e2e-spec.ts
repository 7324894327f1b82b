import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';

const MAX_QUEUE_DEPTH = 5;
const MAX_QUEUE_AGE_SECONDS = 3;
const SLOW_INSERT_MS = 700;
/** Every fourth request is posted once only, so some are refused for good: none of their reports may be stored. */
const postedOnce = (bodyIndex: number): boolean => bodyIndex % 4 === 3;

/** Fault 6: a worker slower than the feed, so the queue passes the bounds the server is started with. */
describe('fault 6: the queue past its bound', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('answers 503 with Retry-After, stores nothing refused and every acknowledged report once', async () => {
    const started = Date.now();
    server = await ServerUnderTest.start('queue-bound', {
      INGEST_MAX_QUEUE_DEPTH: String(MAX_QUEUE_DEPTH),
      INGEST_MAX_QUEUE_AGE_SECONDS: String(MAX_QUEUE_AGE_SECONDS),
      // One request per queued batch, so the depth counts requests.
      INGEST_FLUSH_MS: '0',
    });
    server.setFaults({ slowInsertsMs: SLOW_INSERT_MS });
    const bodies = requestBodies(40, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, giveUpAt: Date.now() + 150_000, postOnce: postedOnce });

    // Once every client has been refused, the worker gets its speed back while they wait as Retry-After says (the
    // server asks up to 30 s): one round of refusals, not one per 30 s.
    await until(() => load.ledger.outcomes()['503'] ?? 0, 4, 60_000);
    server.setFaults({});
    await load.finished;
    const answers = load.ledger.outcomes();
    const givenUpUnanswered = load.ledger.unanswered.size;
    // The refused requests posted once are given up; every other one was retried as Retry-After said until acknowledged.
    const retriedBodies = bodies.filter((_, index) => !postedOnce(index));
    const expectedAcknowledged = retriedBodies.length * 50 + (bodies.length - retriedBodies.length) * 50 - load.ledger.refused.size;
    expect(givenUpUnanswered).toBe(0);
    expect(Object.keys(answers).sort()).toEqual(['202', '503']);
    expect(load.ledger.refused.size).toBeGreaterThan(0);
    expect(load.ledger.summary().retryAfterWaitedMs).toBeGreaterThan(0);
    for (const body of retriedBodies) for (const report of body) expect(load.ledger.acknowledged.has(report.id)).toBe(true);
    expect(load.ledger.acknowledged.size).toBe(expectedAcknowledged);

    const { count, drainedInMs, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 90_000 });
    recordFaultResult({
      scenario: '6',
      fault: `queue bound INGEST_MAX_QUEUE_DEPTH=${MAX_QUEUE_DEPTH} jobs / INGEST_MAX_QUEUE_AGE_SECONDS=${MAX_QUEUE_AGE_SECONDS}, inserts slowed to ${SLOW_INSERT_MS} ms, no pacing`,
      count,
      deadLettered: 0,
      clientsSawDuringFault: answers,
      clientsSawInAll: answers,
      acknowledgements: load.ledger.summary(),
      recoveryMs: null,
      recoveryMeans: 'no recovery: the bound holds throughout',
      durationMs: Date.now() - started,
      notes: `inserts slowed until the 4th refusal; Retry-After asked (seconds: times) ${JSON.stringify(load.ledger.summary().retryAfterAsked)}; ${load.ledger.refused.size} reports refused for good (requests posted once), none stored ("unexpected" counts a stored one); the backlog drained ${(drainedInMs / 1000).toFixed(1)} s after the clients were done`,
    });
    expect(exitCode).toBe(0);
    // checkCount counts a stored refused report as unexpected, so this also says nothing refused was stored.
    expect(count).toEqual(exactlyOnce(expectedAcknowledged));
  }, 240_000);
});
