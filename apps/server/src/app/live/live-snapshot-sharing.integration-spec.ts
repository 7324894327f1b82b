import type { SubscribeAck } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { connectLive, type LiveClient } from '../../testing/live-client';
import { callApi, startTestServer, tempDataDir, until, type RunningServer } from '../../testing/test-server';
import { SnapshotService } from '../metrics';

const SCOPE = 'district:450103';
const SOCKETS = 50;
const SUBSCRIBES = 5_000;

describe('first snapshots are shared: a subscription storm costs a handful of ClickHouse queries', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  const opened: LiveClient[] = [];

  beforeAll(async () => {
    // One leader's wall of screens: room for every socket under one credential. The event budget is the highest
    // allowed, so a thousand or more of the loop's subscribes get through and sharing, not the budget, bounds the queries.
    server = await startTestServer(dataDir.path, { LIVE_MAX_SOCKETS_PER_PRINCIPAL: String(SOCKETS + 1), LIVE_MAX_EVENTS_PER_SECOND: '1000' });
  });

  afterAll(async () => {
    for (const socket of opened) socket.close();
    await server?.close();
    dataDir.remove();
  });

  it(`answers ${SUBSCRIBES} subscribes from one socket and ${SOCKETS} sockets on one scope with few computations`, async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: [SCOPE] });
    const computations = jest.spyOn(server.app.get(SnapshotService), 'snapshot');

    const looping = await connectLive(server, token);
    opened.push(looping);
    let loopSnapshots = 0;
    looping.on('snapshot', () => loopSnapshots++);
    const walls = await Promise.all(Array.from({ length: SOCKETS }, () => connectLive(server, token)));
    opened.push(...walls);
    const firstSnapshots = walls.map((socket) => new Promise<string>((resolve) => socket.once('snapshot', (snapshot) => resolve(snapshot.scope))));

    const startedAt = Date.now();
    const [loopAnswers] = await Promise.all([
      Promise.all(Array.from({ length: SUBSCRIBES }, () => looping.emitWithAck('subscribe', { scope: SCOPE }))),
      Promise.all(walls.map((socket) => socket.emitWithAck('subscribe', { scope: SCOPE }))),
    ]);
    expect(await Promise.all(firstSnapshots)).toEqual(walls.map(() => SCOPE));
    await until(() => (loopSnapshots > 0 ? true : undefined), 10_000, "the looping socket's first snapshot");
    const elapsedMs = Date.now() - startedAt;

    const accepted = loopAnswers.filter((answer: SubscribeAck) => answer.ok).length;
    const limited = loopAnswers.filter((answer: SubscribeAck) => !answer.ok && answer.error === 'rate_limited').length;
    expect(accepted + limited).toBe(SUBSCRIBES);
    expect(accepted).toBeGreaterThanOrEqual(server.config.live.maxEventsPerSecond);
    expect(accepted).toBeLessThanOrEqual(server.config.live.maxEventsPerSecond * Math.ceil(elapsedMs / 1000 + 1));

    // One for the storm, and the push ticks that ran meanwhile (one per push interval, the first as the room fills).
    const ticks = Math.ceil(elapsedMs / server.config.live.pushIntervalMs);
    expect(computations.mock.calls.length).toBeLessThanOrEqual(1 + ticks);
    expect(computations.mock.calls.length).toBeLessThanOrEqual(5);
    process.stdout.write(
      `snapshot computations: ${computations.mock.calls.length} for ${SUBSCRIBES} subscribes (${accepted} accepted, ${limited} rate_limited) ` +
        `and ${SOCKETS} sockets in ${elapsedMs} ms\n`,
    );

    const askedAt = Date.now();
    const rest = await callApi(server, 'GET', `/api/v1/snapshot?scope=${SCOPE}`, undefined, token);
    expect(rest.status).toBe(200);
    expect(Date.now() - askedAt).toBeLessThan(1_000);
  });
});
