import { Module } from '@nestjs/common';
import { TicketEventRelay } from './ticket-event-relay.service';

/** The worker's part of tickets: recorded events into ClickHouse. */
@Module({ providers: [TicketEventRelay] })
export class TicketEventsWorkerModule {}
