import { afterEach, describe, expect, it } from '@jest/globals';
import { countOnceDrained, exactlyOnce, until } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { deadLettersParked } from './support/redis-probe';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';
import { storedSoFar, waitUntilStored } from './support/stored-progress';

const OUTAGE_MS = 10_000;

/** Fault 4: every ClickHouse insert fails (as an unreachable store does) for ten seconds under load, then works again. */
describe('fault 4: ClickHouse failing inserts, then recovering', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('keeps acknowledging (queued), then stores every acknowledged report once, nothing dead-lettered', async () => {
    const started = Date.now();
    server = await ServerUnderTest.start('clickhouse-outage');
    const bodies = requestBodies(120, 50);
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, paceMs: 50, giveUpAt: Date.now() + 120_000 });
    const { admin } = server.credentials;

    await until(load.acknowledgedRequests, 20, 30_000);
    const failingFrom = Date.now();
    const failInsertsUntil = failingFrom + OUTAGE_MS;
    server.setFaults({ failInsertsUntil });
    // What was stored before the outage settles within a moment; from then on nothing may be stored until it ends.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const storedEarlyInOutage = await storedSoFar(server.baseUrl, admin);
    await new Promise((resolve) => setTimeout(resolve, failInsertsUntil - Date.now() - 500));
    const storedLateInOutage = await storedSoFar(server.baseUrl, admin);

    await load.finished;
    const acknowledgedDuringOutage = load.ledger.outcomes(failingFrom, failInsertsUntil)['202'] ?? 0;
    const catchUpMs = await waitUntilStored(server.baseUrl, admin, load.ledger.acknowledged.size, 90_000);
    const caughtUpAt = Date.now();
    const deadLettered = await deadLettersParked(server.dataDir);

    expect({ givenUp: load.ledger.refused.size + load.ledger.unanswered.size, answers: load.ledger.outcomes() }).toEqual({ givenUp: 0, answers: { '202': bodies.length } });
    expect(storedLateInOutage).toBe(storedEarlyInOutage);
    expect(acknowledgedDuringOutage).toBeGreaterThan(0);
    const { count, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 10_000 });
    recordFaultResult({
      scenario: '4',
      fault: `every ClickHouse insert failing (ECONNREFUSED) for ${OUTAGE_MS / 1000} s under load, then recovering`,
      count,
      deadLettered,
      clientsSawDuringFault: load.ledger.outcomes(failingFrom, failInsertsUntil),
      clientsSawInAll: load.ledger.outcomes(),
      acknowledgements: load.ledger.summary(),
      recoveryMs: caughtUpAt - failInsertsUntil,
      recoveryMeans: 'catch-up: inserts working again to every acknowledged report stored',
      durationMs: Date.now() - started,
      notes: `${acknowledgedDuringOutage} requests acknowledged (queued) during the outage; stored count frozen at ${storedLateInOutage} while it lasted; catch-up waited ${(catchUpMs / 1000).toFixed(1)} s after the clients were done`,
    });
    expect(deadLettered).toBe(0);
    expect(exitCode).toBe(0);
    expect(count).toEqual(exactlyOnce(bodies.length * 50));
  }, 240_000);
});
