import { PipelineRates } from '@grid-command/queue';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicTask } from '../common/scheduling/periodic-task';

/** The operators' per-second rates are read over whole seconds that have passed, so once a second is soon enough. */
const FLUSH_EVERY_MS = 1_000;

/**
 * Adds the reports this process counted (accepted by its API, stored by its worker) to the shared per-second rates
 * every second, and once more as it stops, before the connections close.
 */
@Injectable()
export class PipelineRatesFlusher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PipelineRatesFlusher.name);
  private readonly task: PeriodicTask;

  constructor(private readonly rates: PipelineRates) {
    this.task = new PeriodicTask({ name: 'writing the pipeline rates for /ops', everyMs: FLUSH_EVERY_MS }, () => this.rates.flush(), this.logger);
  }

  onModuleInit(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
    await this.rates.flush().catch((error: Error) => this.logger.warn(`the last second of pipeline rates was not written: ${error.message}`));
  }
}
