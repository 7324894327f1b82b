import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { batchesInFlight } from './support/redis-probe';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';

/** Each insert waits this long, so a batch is surely inside its insert when the kill comes. */
const SLOW_INSERT_MS = 2_000;

/**
 * Fault 1: the worker killed with SIGKILL in the middle of a batch insert. The worker runs inside the one server
 * process (embedded ClickHouse belongs to one process), so the server is killed, and started again on the same data.
 */
describe('fault 1: the worker killed mid-batch (SIGKILL)', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('redelivers the batch in flight and stores every acknowledged report once', async () => {
    const started = Date.now();
    server = await ServerUnderTest.start('worker-killed');
    server.setFaults({ slowInsertsMs: SLOW_INSERT_MS });
    const bodies = requestBodies(120, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, paceMs: 20, giveUpAt: Date.now() + 120_000 });

    await until(load.acknowledgedRequests, 30, 30_000);
    // A batch taken by the worker and not finished: with every insert slowed, it is inside its insert.
    const inFlightDeadline = Date.now() + 10_000;
    let inFlight = await batchesInFlight(server.dataDir);
    while (inFlight === 0 && Date.now() < inFlightDeadline) inFlight = await batchesInFlight(server.dataDir);
    expect(inFlight).toBeGreaterThan(0);
    const killedAt = Date.now();
    expect(await server.stop('SIGKILL')).toBeNull();
    const stoppedAt = Date.now();
    server.setFaults({});
    await server.restart();
    await load.finished;
    const recoveredAt = load.ledger.firstAcknowledgedAfter(stoppedAt);

    expect({ givenUp: load.ledger.refused.size + load.ledger.unanswered.size, answers: load.ledger.outcomes() }).toEqual({ givenUp: 0, answers: expect.anything() });
    expect(load.ledger.acknowledged.size).toBe(bodies.length * 50);
    expect(recoveredAt).not.toBeNull();
    const { count, drainedInMs, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 90_000 });
    recordFaultResult({
      scenario: '1',
      fault: `the server (and its worker) SIGKILLed with ${inFlight} batch(es) inside a ${SLOW_INSERT_MS / 1000} s insert, restarted on the same data`,
      count,
      deadLettered: 0,
      clientsSawDuringFault: load.ledger.outcomes(killedAt, recoveredAt ?? Number.POSITIVE_INFINITY),
      clientsSawInAll: load.ledger.outcomes(),
      acknowledgements: load.ledger.summary(),
      recoveryMs: recoveredAt === null ? null : recoveredAt - killedAt,
      recoveryMeans: 'kill to the first 202 of a request sent once the server was gone',
      durationMs: Date.now() - started,
      notes: `the backlog, with the redelivered batch, stored ${(drainedInMs / 1000).toFixed(1)} s after the clients were done`,
    });
    expect(exitCode).toBe(0);
    expect(count).toEqual(exactlyOnce(bodies.length * 50));
  }, 240_000);
});
