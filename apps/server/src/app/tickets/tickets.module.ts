import type { TicketEventBatchJob } from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, REPORTS_QUEUE, TicketEventIntake, TicketRecordStore, type RedisTarget } from '@grid-command/queue';
import { Logger, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { REDIS_PRODUCER, REDIS_TARGET } from '../infrastructure/tokens';
import { JsonBodyMiddleware } from '../ingest/json-body.middleware';
import { TicketOutbox } from './ticket-outbox.service';
import { TicketService } from './ticket.service';
import { TicketsController } from './tickets.controller';
import { TICKET_EVENT_INTAKE, TICKET_EVENTS_QUEUE_PRODUCER, TICKET_QUEUE_CONNECTION } from './tickets.tokens';

/** Ticket events travel the reports queue, so one worker stores reports and events in the order they were queued. */
@Module({
  controllers: [TicketsController],
  providers: [
    TicketService,
    TicketOutbox,
    {
      provide: TICKET_QUEUE_CONNECTION,
      useFactory: (target: RedisTarget) => createRedis(target, 'producer', 'ticket-events-queue'),
      inject: [REDIS_TARGET],
    },
    {
      provide: TICKET_EVENTS_QUEUE_PRODUCER,
      useFactory: async (connection: Redis) => {
        const queue = new Queue<TicketEventBatchJob>(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
        await queue.waitUntilReady();
        return queue;
      },
      inject: [TICKET_QUEUE_CONNECTION],
    },
    { provide: TicketRecordStore, useFactory: (redis: Redis) => new TicketRecordStore(redis), inject: [REDIS_PRODUCER] },
    {
      provide: TICKET_EVENT_INTAKE,
      useFactory: (queue: Queue<TicketEventBatchJob>, records: TicketRecordStore) =>
        new TicketEventIntake(queue, records, { flushAfterMs: 2, maxGroupEvents: 1000 }, new Logger(TicketEventIntake.name)),
      inject: [TICKET_EVENTS_QUEUE_PRODUCER, TicketRecordStore],
    },
  ],
  exports: [TicketService],
})
export class TicketsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/tickets/:id/events', method: RequestMethod.POST });
  }
}
