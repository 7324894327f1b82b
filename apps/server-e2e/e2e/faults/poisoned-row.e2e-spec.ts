import { apiErrorSchema, deadLetterListSchema, deadLetterReplayedSchema, type Report } from '@grid-command/contracts';
import { requestJson } from '@grid-command/server-harness';
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { countOnceDrained, exactlyOnce } from './support/exact-count';
import { recordFaultResult } from './support/fault-results';
import { startLoad } from './support/load-generator';
import { requestBodies } from './support/report-feed';
import { ServerUnderTest } from './support/server-under-test';
import { waitUntilStored } from './support/stored-progress';

const REQUESTS = 60;
const PER_REQUEST = 50;
/** The rest of the poisoned batch, and every other batch, must not wait for the poisoned row: this is "at once". */
const STORED_AT_ONCE_MS = 20_000;

async function pollUntil<T>(read: () => Promise<T | undefined>, withinMs: number, what: string): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fault 5: one report inside a busy batch that ClickHouse fails with an error type nobody classified. */
describe('fault 5: a poisoned row inside a busy batch', () => {
  let server: ServerUnderTest | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('stores the rest at once, dead-letters the one report with its reason, and stores it once when replayed corrected', async () => {
    const started = Date.now();
    const marker = `POISON-${randomUUID()}`;
    server = await ServerUnderTest.start('poisoned-row');
    server.setFaults({ poisonMarker: marker });
    const bodies = requestBodies(REQUESTS, PER_REQUEST);
    const poisonedBody = bodies[REQUESTS / 3] ?? [];
    const clean = poisonedBody[PER_REQUEST / 2] as Report;
    const poisoned: Report = { ...clean, description: `窨井盖缺失 ${marker}` };
    poisonedBody[PER_REQUEST / 2] = poisoned;
    const { admin } = server.credentials;
    const load = startLoad({ baseUrl: server.baseUrl, ingestKey: server.credentials.ingestKey, bodies, clients: 4, giveUpAt: Date.now() + 60_000 });

    await load.finished;
    const clientsDoneAt = Date.now();
    expect(load.ledger.outcomes()).toEqual({ '202': REQUESTS });
    expect(load.ledger.acknowledged.has(poisoned.id)).toBe(true);
    const restStoredInMs = await waitUntilStored(server.baseUrl, admin, REQUESTS * PER_REQUEST - 1, STORED_AT_ONCE_MS);

    const letters = await pollUntil(
      async () => {
        const list = deadLetterListSchema.parse(await requestJson(server?.baseUrl ?? '', { method: 'GET', path: '/api/v1/ops/dead-letters', bearer: admin }));
        return list.total > 0 ? list : undefined;
      },
      10_000,
      'the dead letter',
    );
    expect(letters.total).toBe(1);
    const [letter] = letters.deadLetters;
    expect(letter).toMatchObject({ reportId: poisoned.id, gridCode: poisoned.gridCode });
    expect(letter?.reason).toContain(marker);

    // Its ticket says why it is not there instead of "pending" for ever.
    const ticket = await fetch(`${server.baseUrl}/api/v1/tickets/${poisoned.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(ticket.status).toBe(422);
    const refusal = apiErrorSchema.parse(await ticket.json());
    expect(refusal.error).toBe('report_dead_lettered');

    const replayed = deadLetterReplayedSchema.parse(
      await requestJson(server.baseUrl, { method: 'POST', path: `/api/v1/ops/dead-letters/${encodeURIComponent(letter?.id ?? '')}/replay`, bearer: admin, body: { report: clean } }),
    );
    expect(replayed).toMatchObject({ reportId: poisoned.id, stored: true });
    await pollUntil(
      async () => ((await fetch(`${server?.baseUrl ?? ''}/api/v1/tickets/${poisoned.id}`, { headers: { authorization: `Bearer ${admin}` } })).status === 200 ? true : undefined),
      10_000,
      'the replayed report’s ticket',
    );
    const after = deadLetterListSchema.parse(await requestJson(server.baseUrl, { method: 'GET', path: '/api/v1/ops/dead-letters', bearer: admin }));
    expect(after.total).toBe(0);

    const { count, exitCode } = await countOnceDrained(server, load.ledger, { withinMs: 30_000 });
    recordFaultResult({
      scenario: '5',
      fault: `one report in ${REQUESTS * PER_REQUEST} (inside a busy group commit) failing its insert with an unclassified error type (poisonMarker)`,
      count,
      deadLettered: letters.total,
      clientsSawDuringFault: load.ledger.outcomes(),
      clientsSawInAll: load.ledger.outcomes(),
      acknowledgements: load.ledger.summary(),
      recoveryMs: restStoredInMs,
      recoveryMeans: 'clients done to everything but the poisoned report stored',
      durationMs: Date.now() - started,
      notes: `the poisoned report dead-lettered (reason: ${letter?.reason.slice(0, 120) ?? ''}); its ticket answered 422 report_dead_lettered; replayed corrected as an admin, then stored once (counted in the stored rows); clients were done ${((clientsDoneAt - started) / 1000).toFixed(1)} s into the run`,
    });
    expect(exitCode).toBe(0);
    expect(count).toEqual(exactlyOnce(REQUESTS * PER_REQUEST));
  }, 180_000);
});
