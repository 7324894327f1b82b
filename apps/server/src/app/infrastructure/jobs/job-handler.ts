import type { JobName, JobPayload } from '@grid-command/queue';
import { DiscoveryService } from '@nestjs/core';

/** What a handler learns of the job besides its parsed payload. */
export interface JobContext {
  readonly id: string;
  readonly attemptsMade: number;
}

/** Handles every job of one name. Throwing fails the attempt, and BullMQ retries it as the job's options say. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, context: JobContext): Promise<void>;
}

/**
 * Marks a provider as the handler of a job: `@HandlesJob('store-batch')`. The provider lives with its capability;
 * the job registry finds it at boot.
 */
export const HandlesJob = DiscoveryService.createDecorator<JobName>();
