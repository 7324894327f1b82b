import type { Capability } from '../capability';
import { TicketEventsWorkerModule } from './ticket-events-worker.module';
import { TicketsModule } from './tickets.module';

export { TicketService } from './ticket.service';
export { TicketsModule } from './tickets.module';

/** Tickets: the 报单 → 验单 workflow over REST, and its events stored by the worker. */
export const TICKETS: Capability = { api: TicketsModule, worker: TicketEventsWorkerModule };
