import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { TicketService } from './ticket.service';
import { TicketsController } from './tickets.controller';

/** REST for ticket events and history; a recorded event waits in the outbox for the worker's relay. */
@Module({ controllers: [TicketsController], providers: [TicketService], exports: [TicketService] })
export class TicketsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/tickets/:id/events', method: RequestMethod.POST });
  }
}
