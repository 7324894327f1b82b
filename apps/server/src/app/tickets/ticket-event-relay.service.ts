import { TicketStore } from '@grid-command/clickhouse';
import type { RedisOutbox, TicketEventOutboxEntry } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxRelay } from '../common/scheduling/outbox-relay';
import { TICKET_EVENT_OUTBOX } from '../infrastructure/tokens';

/** Often enough that an event shows in the KPIs within a second of its 202. */
const RELAY_EVERY_MS = 200;
const MAX_EVENTS_PER_INSERT = 5_000;

/**
 * Stores recorded ticket events, and the ticket versions they made, in ClickHouse. The outbox is written in the
 * same step as the ticket's record, so an event answered 202 is stored whatever crashes; events and versions are
 * keyed there, so an event stored twice is one row, and order does not matter (ReplacingMergeTree on version).
 */
@Injectable()
export class TicketEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay<TicketEventOutboxEntry>;

  constructor(@Inject(TICKET_EVENT_OUTBOX) outbox: RedisOutbox<TicketEventOutboxEntry>, tickets: TicketStore) {
    this.relay = new OutboxRelay(
      outbox,
      (token, entries) => tickets.insertEvents(token, entries),
      { name: 'ticket event relay', everyMs: RELAY_EVERY_MS, maxPerRound: MAX_EVENTS_PER_INSERT },
      new Logger(TicketEventRelay.name),
    );
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }

  /** One round now; for tests that must not wait for the timer. */
  relayNow(): Promise<number> {
    return this.relay.relayOnce();
  }
}
