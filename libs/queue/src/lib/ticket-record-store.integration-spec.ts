import type { TicketEvent, TicketEventBatchJob } from '@grid-command/contracts';
import { ticketSnapshotFixture } from '@grid-command/contracts/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { QUEUE_PREFIX, STORE_TICKET_EVENTS_JOB, TICKET_EVENT_OUTBOX_KEY, ticketKey } from './queue-definitions';
import { TicketEventIntake } from './ticket-event-intake';
import { TicketRecordStore, type TicketRecord } from './ticket-record-store';

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

describe('TicketRecordStore and TicketEventIntake against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;
  let records: TicketRecordStore;
  let queue: Queue<TicketEventBatchJob>;
  const warnings: string[] = [];

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('records-test');
    records = new TicketRecordStore(connection);
    queue = new Queue<TicketEventBatchJob>('ticket-test', { prefix: QUEUE_PREFIX, connection: redis.connect('queue-test') });
  });
  afterAll(async () => {
    await queue.close();
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

  it('puts recorded events in the outbox atomically, and the intake moves them into one job', async () => {
    await connection.del(TICKET_EVENT_OUTBOX_KEY);
    const intake = new TicketEventIntake(queue, records, { flushAfterMs: 5, maxGroupEvents: 100 }, { warn: (message) => warnings.push(message) });
    const ids = [randomUUID(), randomUUID()];
    const recorded = ids.map((id) => ({ ticket: ticketSnapshotFixture({ id, version: 1, state: 'dispatched' }), history: [event(id, 1, 'dispatched')] }));
    for (const record of recorded) await records.compareAndRecord(null, record, record.history);
    expect(await records.outboxSize()).toBe(2);

    await Promise.all(recorded.map((record) => intake.submit(record.history.map((one) => ({ event: one, ticket: record.ticket, recordedAt: Date.now() })))));
    expect(await records.outboxSize()).toBe(0);
    const jobs = await queue.getJobs(['waiting']);
    const job = jobs.find((one) => one.data.events.some((entry) => entry.event.ticketId === ids[0]));
    expect(job?.name).toBe(STORE_TICKET_EVENTS_JOB);
    expect(job?.data.events.map((entry) => entry.event.ticketId).sort()).toEqual([...ids].sort());
    expect(warnings).toEqual([]);
  });

  it('queues what a crashed process left in the outbox, and only what is old enough', async () => {
    await connection.del(TICKET_EVENT_OUTBOX_KEY);
    const intake = new TicketEventIntake(queue, records, { flushAfterMs: 5, maxGroupEvents: 100 }, { warn: (message) => warnings.push(message) });
    const id = randomUUID();
    const record = { ticket: ticketSnapshotFixture({ id, version: 1, state: 'dispatched' }), history: [event(id, 1, 'dispatched')] };
    await records.compareAndRecord(null, record, record.history);
    expect(await intake.requeueStranded(60_000)).toBe(0);
    expect(await records.outboxSize()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await intake.requeueStranded(10)).toBe(1);
    expect(await records.outboxSize()).toBe(0);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.some((job) => job.data.events.some((entry) => entry.event.id === record.history[0]?.id))).toBe(true);
  });
});
