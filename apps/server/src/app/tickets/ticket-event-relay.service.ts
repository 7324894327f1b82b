import { TicketStore } from '@grid-command/clickhouse';
import type { RedisOutbox, TicketEventOutboxEntry } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxRelay } from '../common/scheduling/outbox-relay';
import { TICKET_EVENT_OUTBOX } from '../infrastructure/tokens';

/**
 * Stores recorded ticket events, and the ticket versions they made, in ClickHouse; every 200 ms, so an event shows
 * in the KPIs within a second of its 202. The outbox is written in the same step as the ticket's record, so an event
 * answered 202 is stored whatever crashes; events and versions are keyed there, so an event stored twice is one
 * row, and order does not matter (ReplacingMergeTree on version).
 */
@Injectable()
export class TicketEventRelay extends OutboxRelay<TicketEventOutboxEntry> {
  constructor(@Inject(TICKET_EVENT_OUTBOX) outbox: RedisOutbox<TicketEventOutboxEntry>, tickets: TicketStore) {
    super(outbox, (token, entries) => tickets.insertEvents(token, entries), { name: 'ticket event relay', everyMs: 200, maxPerRound: 5_000 }, new Logger(TicketEventRelay.name));
  }
}
