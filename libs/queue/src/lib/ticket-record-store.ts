import type { TicketEvent, TicketSnapshot } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { TICKET_EVENT_OUTBOX_KEY, TICKET_RECORD_TTL_SECONDS, ticketKey } from './queue-definitions';
import { RedisOutbox } from './redis-outbox';

/** A ticket's live record: its latest state and full history, the authority that event requests are checked against. */
export interface TicketRecord {
  readonly ticket: TicketSnapshot;
  readonly history: readonly TicketEvent[];
}

/** What the outbox holds per event until the worker has stored it in ClickHouse. */
export interface TicketEventOutboxEntry {
  readonly event: TicketEvent;
  readonly ticket: TicketSnapshot;
  /** When the entry was written (epoch ms), so an entry that waits in the outbox shows how long it has waited. */
  readonly recordedAt: number;
}

/**
 * Compare-and-set on the record's version, and the new events put in the outbox in the same atomic step: a
 * recorded event can never miss ClickHouse, and two officers acting at once cannot both win.
 * KEYS: record, outbox. ARGV: expected version ('' = record must not exist), version, record, ttl in seconds,
 * then (event id, outbox entry) pairs.
 */
const COMPARE_AND_RECORD = `
local current = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'r', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
return 1
`;

type RecordRedis = Redis & { compareAndRecord(...args: Array<string | number>): Promise<number> };

export class TicketRecordStore {
  private readonly redis: RecordRedis;

  constructor(redis: Redis) {
    redis.defineCommand('compareAndRecord', { numberOfKeys: 2, lua: COMPARE_AND_RECORD });
    this.redis = redis as RecordRedis;
  }

  async get(ticketId: string): Promise<TicketRecord | null> {
    const text = await this.redis.hget(ticketKey(ticketId), 'r');
    return text === null ? null : (JSON.parse(text) as TicketRecord);
  }

  /**
   * Writes `next` if the stored record still has `expectedVersion` (null: if there is none yet), with `events`
   * in the outbox. False when another request got there first: re-read and try again. `versions` are the tickets
   * as each event left them (version = the event's seq): ClickHouse keeps every version, so a replay can show a
   * ticket as it stood between two events of one request; an event without one carries `next`'s ticket.
   */
  async compareAndRecord(expectedVersion: number | null, next: TicketRecord, events: readonly TicketEvent[], versions: readonly TicketSnapshot[] = []): Promise<boolean> {
    const recordedAt = Date.now();
    const versionOf = (event: TicketEvent): TicketSnapshot => versions.find((ticket) => ticket.version === event.seq) ?? next.ticket;
    const outbox = events.flatMap((event) => [event.id, JSON.stringify({ event, ticket: versionOf(event), recordedAt } satisfies TicketEventOutboxEntry)]);
    const written = await this.redis.compareAndRecord(
      ticketKey(next.ticket.id),
      TICKET_EVENT_OUTBOX_KEY,
      expectedVersion === null ? '' : String(expectedVersion),
      String(next.ticket.version),
      JSON.stringify(next),
      TICKET_RECORD_TTL_SECONDS,
      ...outbox,
    );
    return written === 1;
  }
}

/** Recorded ticket events on their way to ClickHouse, keyed by event id as `compareAndRecord` writes them. */
export function ticketEventOutbox(redis: Redis): RedisOutbox<TicketEventOutboxEntry> {
  return new RedisOutbox<TicketEventOutboxEntry>(redis, TICKET_EVENT_OUTBOX_KEY, (entry) => entry.event.id);
}
