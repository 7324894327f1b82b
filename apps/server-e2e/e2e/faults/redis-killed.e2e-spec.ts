import { embeddedRedisPid } from '@grid-command/server-harness';
import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';

/** Resolves with the pid of the redis-server that replaced `killed`, once the server's supervision started it. */
async function replacementOf(dataDir: string, killed: number, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const pid = embeddedRedisPid(dataDir);
    if (pid !== null && pid !== killed) return pid;
    if (Date.now() > deadline) throw new Error(`no redis-server replaced ${killed} within ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fault 2: the server's redis-server killed with SIGKILL under load; the server restarts it from its append-only file. */
describe('fault 2: Redis killed (SIGKILL)', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('answers 503 with Retry-After until Redis is back, and stores every acknowledged report once', async () => {
    const started = Date.now();
    server = await ServerUnderTest.start('redis-killed');
    const bodies = requestBodies(120, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, paceMs: 50, giveUpAt: Date.now() + 120_000 });

    await until(load.acknowledgedRequests, 30, 30_000);
    const killed = embeddedRedisPid(server.dataDir);
    expect(killed).not.toBeNull();
    const killedAt = Date.now();
    process.kill(killed ?? 0, 'SIGKILL');
    const replacement = await replacementOf(server.dataDir, killed ?? 0, 30_000);
    const restartedAt = Date.now();

    await load.finished;
    const recoveredAt = load.ledger.firstAcknowledgedAfter(killedAt);
    const answers = load.ledger.outcomes();
    expect({ givenUp: load.ledger.refused.size + load.ledger.unanswered.size, answers }).toEqual({ givenUp: 0, answers: expect.anything() });
    expect(load.ledger.acknowledged.size).toBe(bodies.length * 50);
    // The server itself stayed up: clients were answered 202 or 503, never an error or a dropped connection.
    expect(Object.keys(answers).sort()).toEqual(['202', '503']);
    expect(load.ledger.summary().retryAfterWaitedMs).toBeGreaterThan(0);
    expect(recoveredAt).not.toBeNull();
    const { count, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 60_000 });
    recordFaultResult({
      scenario: '2',
      fault: 'the server’s redis-server SIGKILLed under load; supervision restarts it from its append-only file',
      count,
      deadLettered: 0,
      clientsSawDuringFault: load.ledger.outcomes(killedAt, recoveredAt ?? Number.POSITIVE_INFINITY),
      clientsSawInAll: answers,
      acknowledgements: load.ledger.summary(),
      recoveryMs: recoveredAt === null ? null : recoveredAt - killedAt,
      recoveryMeans: 'kill to the first 202 of a request sent after it',
      durationMs: Date.now() - started,
      notes: `redis-server ${killed ?? '?'} killed; ${replacement} answering its socket after ${restartedAt - killedAt} ms`,
    });
    expect(exitCode).toBe(0);
    expect(count).toEqual(exactlyOnce(bodies.length * 50));
  }, 240_000);
});
