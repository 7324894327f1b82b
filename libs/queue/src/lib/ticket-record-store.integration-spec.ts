import type { TicketEvent } from '@grid-command/contracts';
import { ticketSnapshotFixture } from '@grid-command/contracts/testing';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { TICKET_EVENT_OUTBOX_KEY, ticketKey } from './queue-definitions';
import { ticketEventOutbox, TicketRecordStore, type TicketRecord } from './ticket-record-store';

function event(ticketId: string, seq: number, type: TicketEvent['type']): TicketEvent {
  return {
    id: randomUUID(),
    ticketId,
    seq,
    type,
    at: '2026-11-25T02:00:00.000Z',
    actor: 'tester',
    department: null,
    satisfaction: null,
    note: null,
    stateBefore: 'reported',
    stateAfter: 'dispatched',
  };
}

describe('TicketRecordStore and its event outbox against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;
  let records: TicketRecordStore;

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('records-test');
    records = new TicketRecordStore(connection);
  });
  afterAll(async () => {
    await redis.dispose();
  });

  it('creates a record only when none exists, then only from the version it was read at', async () => {
    const id = randomUUID();
    const first: TicketRecord = { ticket: ticketSnapshotFixture({ id, version: 1, state: 'dispatched' }), history: [event(id, 1, 'dispatched')] };
    expect(await records.compareAndRecord(null, first, first.history)).toBe(true);
    expect(await records.compareAndRecord(null, first, [])).toBe(false);
    expect(await records.get(id)).toEqual(first);

    const second: TicketRecord = { ticket: ticketSnapshotFixture({ id, version: 2, state: 'accepted' }), history: [...first.history, event(id, 2, 'accepted')] };
    const rival: TicketRecord = { ticket: ticketSnapshotFixture({ id, version: 2, state: 'escalated' }), history: [...first.history, event(id, 2, 'escalated')] };
    const outcomes = await Promise.all([records.compareAndRecord(1, second, []), records.compareAndRecord(1, rival, [])]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await records.get(id))?.ticket.state).toBe(outcomes[0] ? 'accepted' : 'escalated');
    expect(await records.compareAndRecord(5, second, [])).toBe(false);
  });

  it('keeps a record 30 days after its last event', async () => {
    const id = randomUUID();
    await records.compareAndRecord(null, { ticket: ticketSnapshotFixture({ id, version: 1, state: 'resolved' }), history: [] }, []);
    await connection.expire(ticketKey(id), 60);
    await records.compareAndRecord(1, { ticket: ticketSnapshotFixture({ id, version: 2, state: 'verified' }), history: [] }, []);
    expect(await connection.ttl(ticketKey(id))).toBeGreaterThan(29 * 24 * 3600);
  });

  it('puts recorded events in the outbox atomically, each with the ticket as it stood, and nothing of a lost race', async () => {
    await connection.del(TICKET_EVENT_OUTBOX_KEY);
    const outbox = ticketEventOutbox(connection);
    const ids = [randomUUID(), randomUUID()];
    const recorded = ids.map((id) => ({ ticket: ticketSnapshotFixture({ id, version: 1, state: 'dispatched' }), history: [event(id, 1, 'dispatched')] }));
    for (const record of recorded) expect(await records.compareAndRecord(null, record, record.history)).toBe(true);
    const [first] = recorded;
    if (!first) throw new Error('no record');
    expect(await records.compareAndRecord(null, first, [event(first.ticket.id, 1, 'escalated')])).toBe(false);

    const entries = await outbox.entries(100);
    expect(entries.map((entry) => [entry.event.id, entry.ticket]).sort()).toEqual(recorded.map((record) => [record.history[0]?.id, record.ticket]).sort());
    expect(await outbox.size()).toBe(2);
  });

  it('reads the outbox in pages up to a limit and takes out only the entries it is given', async () => {
    await connection.del(TICKET_EVENT_OUTBOX_KEY);
    const outbox = ticketEventOutbox(connection);
    const recorded = Array.from({ length: 1_200 }, () => {
      const id = randomUUID();
      return { ticket: ticketSnapshotFixture({ id, version: 1, state: 'dispatched' }), history: [event(id, 1, 'dispatched')] };
    });
    await Promise.all(recorded.map((record) => records.compareAndRecord(null, record, record.history)));
    const page = await outbox.entries(700);
    expect(page).toHaveLength(700);
    expect(new Set(page.map((entry) => entry.event.id)).size).toBe(700);
    await outbox.remove(page);
    const rest = await outbox.entries(5_000);
    expect(rest).toHaveLength(500);
    expect(rest.some((entry) => page.some((taken) => taken.event.id === entry.event.id))).toBe(false);
  });
});
