import type { Report } from '@grid-command/contracts';
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
    // More bodies than the run needs: clients post until the bound has refused both kinds of request, then take no more.
    const bodies = requestBodies(400, 50);
    let boundShown = false;
    const load = startLoad({
      baseUrl: server.baseUrl,
      ingestKey: server.credentials.ingestKey,
      bodies,
      clients: 4,
      giveUpAt: Date.now() + 150_000,
      postOnce: postedOnce,
      stopTaking: () => boundShown,
    });
    const { ledger } = load;

    // Once a request posted once was refused for good and one to be retried is waiting as Retry-After says (the
    // server asks up to 30 s), the worker gets its speed back and clients finish the bodies in hand: one round of
    // refusals, not one per 30 s.
    await until(() => (ledger.refused.size > 0 && ledger.summary().retryAfterWaitedMs > 0 ? 1 : 0), 1, 90_000);
    boundShown = true;
    server.setFaults({});
    await load.finished;
    const answers = ledger.outcomes();
    const touched = (body: readonly Report[]): boolean => body.some(({ id }) => ledger.acknowledged.has(id) || ledger.refused.has(id) || ledger.unanswered.has(id));
    const retriedBodies = bodies.filter((body, index) => !postedOnce(index) && touched(body));
    expect(ledger.unanswered.size).toBe(0);
    expect(Object.keys(answers).sort()).toEqual(['202', '503']);
    // Every request retried as Retry-After said was acknowledged in the end, every one of its reports.
    for (const body of retriedBodies) for (const report of body) expect(ledger.acknowledged.has(report.id)).toBe(true);
    const expectedAcknowledged = bodies.filter(touched).length * 50 - ledger.refused.size;
    expect(ledger.acknowledged.size).toBe(expectedAcknowledged);

    const { count, drainedInMs, exitCode } = await countOnceDrained(server, ledger, { withinMs: 90_000 });
    recordFaultResult({
      scenario: '6',
      fault: `queue bound INGEST_MAX_QUEUE_DEPTH=${MAX_QUEUE_DEPTH} jobs / INGEST_MAX_QUEUE_AGE_SECONDS=${MAX_QUEUE_AGE_SECONDS}, inserts slowed to ${SLOW_INSERT_MS} ms, no pacing`,
      count,
      deadLettered: 0,
      clientsSawDuringFault: answers,
      clientsSawInAll: answers,
      acknowledgements: ledger.summary(),
      recoveryMs: null,
      recoveryMeans: 'none measured: clients waited as Retry-After said',
      durationMs: Date.now() - started,
      notes: `inserts slowed until a request was refused for good and another told to wait; Retry-After asked (seconds: times) ${JSON.stringify(ledger.summary().retryAfterAsked)}; ${ledger.refused.size} reports refused for good (requests posted once), none stored ("unexpected" counts a stored one); the backlog drained ${(drainedInMs / 1000).toFixed(1)} s after the clients were done`,
    });
    expect(exitCode).toBe(0);
    // checkCount counts a stored refused report as unexpected, so this also says nothing refused was stored.
    expect(count).toEqual(exactlyOnce(expectedAcknowledged));
  }, 240_000);
});
