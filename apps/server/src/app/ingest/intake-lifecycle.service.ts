import type { ReportBatchJob } from '@grid-command/contracts';
import type { ReportIntake } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { INGEST_QUEUE_CONNECTION, REPORT_INTAKE, REPORTS_QUEUE_PRODUCER } from './ingest.tokens';

/** On shutdown, reports already answered or waiting in a group are queued before the connection closes. */
@Injectable()
export class IntakeLifecycle implements OnModuleDestroy {
  private readonly logger = new Logger(IntakeLifecycle.name);

  constructor(
    @Inject(REPORT_INTAKE) private readonly intake: ReportIntake,
    @Inject(REPORTS_QUEUE_PRODUCER) private readonly queue: Queue<ReportBatchJob>,
    @Inject(INGEST_QUEUE_CONNECTION) private readonly connection: Redis,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.intake.drain();
    await this.queue.close();
    // BullMQ leaves a connection it was given open.
    await this.connection.quit().catch(() => undefined);
    this.logger.log('intake drained and queue closed');
  }
}
