import { embeddedRedisPid } from '@grid-command/server-harness';
import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';

const PAUSE_MS = 10_000;

/** Fault 3: the server's redis-server stopped dead (SIGSTOP) for ten seconds under load, then continued. */
describe('fault 3: Redis paused', () => {
  let server: ServerUnderTest | undefined;
  let pausedPid: number | null = null;

  afterEach(async () => {
    // A failed expectation must not leave Redis stopped: its server could not be stopped gracefully.
    if (pausedPid !== null) process.kill(pausedPid, 'SIGCONT');
    await server?.dispose();
    server = undefined;
  });

  it('holds or refuses requests while paused, and stores every acknowledged report once', async () => {
    const started = Date.now();
    server = await ServerUnderTest.start('redis-paused');
    const bodies = requestBodies(120, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, paceMs: 50, giveUpAt: Date.now() + 120_000 });

    await until(load.acknowledgedRequests, 30, 30_000);
    const redisPid = embeddedRedisPid(server.dataDir);
    expect(redisPid).not.toBeNull();
    pausedPid = redisPid;
    const pausedAt = Date.now();
    process.kill(redisPid ?? 0, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    process.kill(redisPid ?? 0, 'SIGCONT');
    pausedPid = null;
    const resumedAt = Date.now();

    await load.finished;
    const heldThenAcknowledged = load.ledger.outcomes(pausedAt, resumedAt)['202'] ?? 0;
    const recoveredAt = load.ledger.firstAcknowledgedAnsweredAfter(resumedAt);
    expect({ givenUp: load.ledger.refused.size + load.ledger.unanswered.size, answers: load.ledger.outcomes() }).toEqual({ givenUp: 0, answers: expect.anything() });
    expect(load.ledger.acknowledged.size).toBe(bodies.length * 50);
    // Redis was the same process throughout: nothing restarted it.
    expect(embeddedRedisPid(server.dataDir)).toBe(redisPid);
    const { count, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 60_000 });
    recordFaultResult({
      scenario: '3',
      fault: `redis-server SIGSTOP for ${PAUSE_MS / 1000} s under load, then SIGCONT`,
      count,
      deadLettered: 0,
      clientsSawDuringFault: load.ledger.outcomes(pausedAt, resumedAt),
      clientsSawInAll: load.ledger.outcomes(),
      acknowledgements: load.ledger.summary(),
      recoveryMs: recoveredAt === null ? null : recoveredAt - resumedAt,
      recoveryMeans: 'SIGCONT to first 202',
      durationMs: Date.now() - started,
      notes: `attempts sent while Redis was paused that were held and answered 202 once it continued: ${heldThenAcknowledged}`,
    });
    expect(exitCode).toBe(0);
    expect(count).toEqual(exactlyOnce(bodies.length * 50));
  }, 240_000);
});
