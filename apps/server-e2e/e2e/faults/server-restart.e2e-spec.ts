import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';

/** Fault 7: the whole server stopped under load, gracefully (SIGTERM) or not (SIGKILL), and started again on its data. */
describe('fault 7: the whole server restarted under load', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it.each([
    { scenario: '7a', signal: 'SIGTERM' as const, exitCode: 0 },
    { scenario: '7b', signal: 'SIGKILL' as const, exitCode: null },
  ])('$signal: every acknowledged report is stored once after clients retry', async ({ scenario, signal, exitCode }) => {
    const started = Date.now();
    server = await ServerUnderTest.start(`restart-${signal.toLowerCase()}`);
    const bodies = requestBodies(120, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, paceMs: 20, giveUpAt: Date.now() + 90_000 });

    await until(load.acknowledgedRequests, 40, 30_000);
    const faultAt = Date.now();
    const stopped = await server.stop(signal);
    expect({ stopped, output: stopped === exitCode ? '' : server.stoppedOutput() }).toEqual({ stopped: exitCode, output: '' });
    // A graceful stop still answers what it drains; recovery counts from the first request it could no longer take.
    const stoppedAt = Date.now();
    await server.restart();
    await load.finished;
    const recoveredAt = load.ledger.firstAcknowledgedAfter(stoppedAt);

    expect({ givenUp: load.ledger.refused.size + load.ledger.unanswered.size, answers: load.ledger.outcomes() }).toEqual({ givenUp: 0, answers: expect.anything() });
    expect(load.ledger.acknowledged.size).toBe(bodies.length * 50);
    expect(recoveredAt).not.toBeNull();
    const { count, exitCode: finalExit } = await countOnceDrained(server, load.ledger, { withinMs: 60_000 });
    recordFaultResult({
      scenario,
      fault: `whole server ${signal} under load, restarted on the same data`,
      count,
      deadLettered: 0,
      clientsSawDuringFault: load.ledger.outcomes(faultAt, recoveredAt ?? Number.POSITIVE_INFINITY),
      clientsSawInAll: load.ledger.outcomes(),
      acknowledgements: load.ledger.summary(),
      recoveryMs: recoveredAt === null ? null : recoveredAt - faultAt,
      recoveryMeans: 'signal to the first 202 of a request sent once the server was gone',
      durationMs: Date.now() - started,
    });
    expect(finalExit).toBe(0);
    expect(count).toEqual(exactlyOnce(bodies.length * 50));
  }, 180_000);
});
