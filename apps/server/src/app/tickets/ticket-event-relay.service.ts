import { TicketStore } from '@grid-command/clickhouse';
import { publishTicketEventsStored, type RedisOutbox, type TicketEventOutboxEntry } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { OutboxRelay } from '../common/scheduling/outbox-relay';
import { REDIS_COMMANDS, TICKET_EVENT_OUTBOX } from '../infrastructure/tokens';

/**
 * Stores recorded ticket events, and the ticket versions they made, in ClickHouse; every 200 ms, so an event shows
 * in the KPIs within a second of its 202. The outbox is written in the same step as the ticket's record, so an event
 * answered 202 is stored whatever crashes; events and versions are keyed there, so an event stored twice is one
 * row, and order does not matter (ReplacingMergeTree on version). Each stored round is announced with its tickets'
 * grids, so live push recomputes the KPIs of those scopes (in whichever process it runs).
 */
@Injectable()
export class TicketEventRelay extends OutboxRelay<TicketEventOutboxEntry> {
  constructor(@Inject(TICKET_EVENT_OUTBOX) outbox: RedisOutbox<TicketEventOutboxEntry>, tickets: TicketStore, @Inject(REDIS_COMMANDS) redis: Redis) {
    const logger = new Logger(TicketEventRelay.name);
    const store = async (token: string, entries: readonly TicketEventOutboxEntry[]): Promise<void> => {
      await tickets.insertEvents(token, entries);
      const gridCodes = [...new Set(entries.map((entry) => entry.ticket.gridCode))];
      // A lost announcement costs freshness, not data: KPI push recomputes every minute and on its heartbeat anyway.
      await publishTicketEventsStored(redis, { gridCodes }).catch((error: Error) => logger.warn(`ticket events stored but not announced: ${error.message}`));
    };
    super(outbox, store, { name: 'ticket event relay', everyMs: 200, maxPerRound: 5_000 }, logger);
  }
}
