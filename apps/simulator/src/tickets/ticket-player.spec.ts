import type { TicketEventInput } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../feed/prng';
import type { PlannedEvent } from './lifecycle';
import type { EventPostOutcome, TicketEventSender, TicketLookup } from './ticket-client';
import { eventErrorsOf, recordedPrefix, TicketPlayer, type TicketPlayerSettings } from './ticket-player';
import { TicketSchedule } from './ticket-schedule';

const T0 = Date.UTC(2026, 10, 20, 2, 0);
const MIN = 60_000;
/** The name the server records for the player's own events (its ingest key's). */
const OWN_NAME = '模拟器-网格平台';

function plan(...offsetsMin: number[]): PlannedEvent[] {
  const types = ['dispatched', 'accepted', 'resolved', 'verified'] as const;
  return offsetsMin.map((offset, index) => ({
    type: types[index % types.length] as PlannedEvent['type'],
    atMs: T0 + offset * MIN,
    ...(index % 4 === 0 ? { department: '城管执法局' } : {}),
    ...(index % 4 === 3 ? { satisfaction: 'satisfied' as const } : {}),
  }));
}

interface Call {
  readonly ticketId: string;
  readonly types: readonly string[];
  readonly atNow: number;
}

/** A server stand-in: answers from a script per call, records what was posted, and can hold requests open. */
class FakeServer implements TicketEventSender {
  readonly calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  history = new Map<string, Array<{ type: string; atMs: number; actor: string }>>();
  constructor(
    private readonly clock: { now: number },
    private readonly answer: (ticketId: string, attempt: number, events: readonly TicketEventInput[]) => EventPostOutcome = (_id, _attempt, events) => ok(events),
  ) {}

  async post(ticketId: string, events: readonly TicketEventInput[]): Promise<EventPostOutcome> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const concurrent = this.calls.filter((call) => call.ticketId === ticketId).length;
    this.calls.push({ ticketId, types: events.map((event) => event.type), atNow: this.clock.now });
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight -= 1;
    return this.answer(ticketId, concurrent + 1, events);
  }

  async lookup(ticketId: string): Promise<TicketLookup> {
    const history = this.history.get(ticketId);
    return history ? { kind: 'found', state: 'accepted', history } : { kind: 'missing' };
  }
}

const ok = (events: readonly TicketEventInput[]): EventPostOutcome => ({ kind: 'recorded', recorded: events.length, duplicates: 0, latencyMs: 1 });
const settings: TicketPlayerSettings = {
  concurrency: 4,
  capacity: 100,
  retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 4_000 },
  pendingMaxAttempts: 5,
  unknownMaxAttempts: 2,
  ownName: OWN_NAME,
};

function setup(answer?: ConstructorParameters<typeof FakeServer>[1], overrides: Partial<TicketPlayerSettings> = {}) {
  const clock = { now: T0 };
  const server = new FakeServer(clock, answer);
  const player = new TicketPlayer({ ...settings, ...overrides }, { sender: server, random: createRandom(1), now: () => clock.now, log: () => undefined });
  const settle = (): Promise<void> => player.settle(new AbortController().signal);
  return { clock, server, player, settle };
}

describe('TicketSchedule', () => {
  it('hands out tickets by their next due instant, holds retries back, and refuses past capacity', () => {
    const schedule = new TicketSchedule(3);
    expect(schedule.add('late', plan(30))).toBe(true);
    expect(schedule.add('early', plan(5, 60))).toBe(true);
    expect(schedule.add('middle', plan(10))).toBe(true);
    expect(schedule.add('refused', plan(1))).toBe(false);
    expect(schedule.nextDueMs()).toBe(T0 + 5 * MIN);
    expect(schedule.takeDue(T0 + 4 * MIN, 10)).toEqual([]);
    const due = schedule.takeDue(T0 + 20 * MIN, 10);
    expect(due.map((entry) => entry.ticketId)).toEqual(['early', 'middle']);

    const early = due[0];
    if (!early) throw new Error('no entry');
    early.next = 1;
    schedule.requeue(early);
    const middle = due[1];
    if (!middle) throw new Error('no entry');
    middle.notBeforeMs = T0 + 45 * MIN; // a retry's backoff outlasts its event's time
    schedule.requeue(middle);
    expect(schedule.takeDue(T0 + 40 * MIN, 10).map((entry) => entry.ticketId)).toEqual(['late']);
    expect(schedule.takeDue(T0 + 50 * MIN, 10).map((entry) => entry.ticketId)).toEqual(['middle']);
    expect(schedule.clear()).toEqual({ tickets: 1, events: 1 });
  });

  it('keeps order over many random insertions (the heap property)', () => {
    const random = createRandom(3);
    const schedule = new TicketSchedule(10_000);
    for (let index = 0; index < 2_000; index += 1) schedule.add(`t${index}`, plan(Math.floor(random() * 10_000)));
    const times = schedule.takeDue(T0 + 20_000 * MIN, 5_000).map((entry) => entry.events[0]?.atMs ?? 0);
    expect(times).toHaveLength(2_000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('TicketPlayer', () => {
  it('posts events only once their time has come, all due ones of a ticket in one request, in order', async () => {
    const { clock, server, player, settle } = setup();
    player.hand('a', plan(-30, -20, 5, 600));
    player.hand('b', plan(1, 2));
    await settle();
    expect(server.calls.map((call) => [call.ticketId, call.types])).toEqual([['a', ['dispatched', 'accepted']]]);

    clock.now = T0 + 10 * MIN;
    await settle();
    expect(server.calls.slice(1).map((call) => [call.ticketId, call.types.join(',')]).sort()).toEqual([
      ['a', 'resolved'],
      ['b', 'dispatched,accepted'],
    ]);
    expect(player.waiting).toBe(1);
    const summary = await player.stop(1_000);
    expect(summary.totals.recorded).toBe(5);
    expect(summary.leftOver).toEqual({ tickets: 1, events: 1 });
  });

  it('never has more requests in flight than allowed', async () => {
    const { server, player, settle } = setup();
    for (let index = 0; index < 40; index += 1) player.hand(`t${index}`, plan(-5));
    await settle();
    expect(server.calls).toHaveLength(40);
    expect(server.maxInFlight).toBeLessThanOrEqual(settings.concurrency);
    expect(player.totals.recorded).toBe(40);
  });

  it('waits out 503 ticket_pending for the Retry-After it names, then plays on', async () => {
    const pending: EventPostOutcome = { kind: 'pending', retryAfterMs: 2_000, reason: '503 ticket_pending: not stored yet', latencyMs: 1 };
    const { clock, server, player, settle } = setup((_id, attempt, events) => (attempt <= 2 ? pending : ok(events)));
    player.hand('a', plan(-1));
    await settle();
    expect(server.calls).toHaveLength(1);
    clock.now += 1_999;
    await settle();
    expect(server.calls).toHaveLength(1);
    clock.now += 1;
    await settle();
    clock.now += 2_000;
    await settle();
    expect(server.calls).toHaveLength(3);
    expect(player.totals).toMatchObject({ recorded: 1, retries: 2, failed: 0 });
  });

  it('gives a ticket up after the last retry of a 5xx, and counts it', async () => {
    const { clock, server, player, settle } = setup(() => ({ kind: 'retryable', retryAfterMs: null, reason: '500 internal', latencyMs: 1 }));
    player.hand('a', plan(-1, 5));
    for (let step = 0; step < 10; step += 1) {
      await settle();
      clock.now += 5_000;
    }
    expect(server.calls).toHaveLength(settings.retry.maxAttempts);
    expect(player.totals).toMatchObject({ failed: 1, recorded: 0, retries: settings.retry.maxAttempts - 1 });
    expect(player.waiting).toBe(0);
  });

  it('gives up on a ticket the server keeps answering 404 for', async () => {
    const { clock, server, player, settle } = setup(() => ({ kind: 'unknown', reason: '404 not_found', latencyMs: 1 }));
    player.hand('a', plan(-1));
    for (let step = 0; step < 5; step += 1) {
      await settle();
      clock.now += 10_000;
    }
    expect(server.calls).toHaveLength(settings.unknownMaxAttempts);
    expect(player.totals.unknown).toBe(1);
  });

  it('after a 409 skips what the server history already holds (a replay), and gives up when it holds nothing', async () => {
    const events = plan(-30, -20, -10);
    const illegal = (currentState: 'accepted' | 'verified'): EventPostOutcome => ({ kind: 'illegal', currentState, reason: '409 illegal_transition', latencyMs: 1 });
    const { server, player, settle } = setup((id, _attempt, posted) => {
      if (id === 'replayed' && posted.length === 3) return illegal('accepted');
      return id === 'foreign' ? illegal('verified') : ok(posted);
    });
    server.history.set('replayed', events.slice(0, 2).map((event) => ({ type: event.type, atMs: event.atMs, actor: OWN_NAME })));
    server.history.set('foreign', [{ type: 'dispatched', atMs: T0 - 99 * MIN, actor: OWN_NAME }]);
    player.hand('replayed', events);
    player.hand('foreign', events);
    await settle();
    expect(server.calls.filter((call) => call.ticketId === 'replayed').map((call) => call.types)).toEqual([
      ['dispatched', 'accepted', 'resolved'],
      ['resolved'],
    ]);
    expect(player.totals).toMatchObject({ duplicates: 2, recorded: 1, conflicts: 1 });
  });

  it('hands a ticket someone else acted on (the duty desk blew the whistle) over to them, without counting an error', async () => {
    const events = plan(-30, -20, -10);
    const { server, player, settle } = setup((_id, _attempt, posted) => ({ kind: 'illegal', currentState: 'escalated', reason: `409 ${posted.length}`, latencyMs: 1 }));
    server.history.set('taken', [{ type: 'escalated', atMs: T0 - MIN, actor: 'sim-duty' }]);
    player.hand('taken', events);
    await settle();
    expect(player.totals).toMatchObject({ handedOver: 1, conflicts: 0 });
    expect(eventErrorsOf(player.totals)).toBe(0);
  });

  it('counts tickets beyond its capacity as overflow instead of holding them', () => {
    const { player } = setup(undefined, { capacity: 2 });
    for (let index = 0; index < 5; index += 1) player.hand(`t${index}`, plan(60));
    expect(player.waiting).toBe(2);
    expect(player.totals).toMatchObject({ tickets: 2, overflow: 3 });
  });
});

describe('recordedPrefix', () => {
  it('counts the plan events at the head that the history holds, by type and instant', () => {
    const events = plan(1, 2, 3);
    const history = events.map((event) => ({ type: event.type, atMs: event.atMs }));
    expect(recordedPrefix(events, history)).toBe(3);
    expect(recordedPrefix(events, history.slice(0, 1))).toBe(1);
    expect(recordedPrefix(events, [{ type: 'dispatched', atMs: T0 + 1 }])).toBe(0);
    expect(recordedPrefix(events, history.slice(1))).toBe(0);
  });
});
