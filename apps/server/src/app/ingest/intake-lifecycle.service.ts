import { ReportIntake } from '@grid-command/queue';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

/** On shutdown, reports already answered or waiting in a group are queued before the connections close. */
@Injectable()
export class IntakeLifecycle implements OnModuleDestroy {
  private readonly logger = new Logger(IntakeLifecycle.name);

  constructor(private readonly intake: ReportIntake) {}

  async onModuleDestroy(): Promise<void> {
    await this.intake.drain();
    this.logger.log('intake drained');
  }
}
