import type { TicketEventBatchJob } from '@grid-command/contracts';
import type { TicketEventIntake } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { TICKET_EVENT_INTAKE, TICKET_EVENTS_QUEUE_PRODUCER, TICKET_QUEUE_CONNECTION } from './tickets.tokens';

/** Events older than this in the outbox were left by a process that stopped between recording and queueing them. */
const STRANDED_AFTER_MS = 10_000;
const SWEEP_EVERY_MS = 10_000;

/** Queues stranded outbox entries at start-up and every few seconds; drains the intake on shutdown. */
@Injectable()
export class TicketOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TicketOutbox.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(TICKET_EVENT_INTAKE) private readonly intake: TicketEventIntake,
    @Inject(TICKET_EVENTS_QUEUE_PRODUCER) private readonly queue: Queue<TicketEventBatchJob>,
    @Inject(TICKET_QUEUE_CONNECTION) private readonly connection: Redis,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep(0);
    this.timer = setInterval(() => void this.sweep(STRANDED_AFTER_MS), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.intake.drain();
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }

  private async sweep(olderThanMs: number): Promise<void> {
    try {
      const queued = await this.intake.requeueStranded(olderThanMs);
      if (queued > 0) this.logger.warn(`queued ${queued} ticket event(s) left in the outbox`);
    } catch (error) {
      this.logger.warn(`outbox sweep failed, will retry: ${(error as Error).message}`);
    }
  }
}
