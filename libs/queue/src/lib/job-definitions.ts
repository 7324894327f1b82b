import { reportBatchJobSchema } from '@grid-command/contracts';
import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import { REPORTS_QUEUE, STORE_BATCH_JOB_OPTIONS } from './queue-definitions';

export interface JobDefinition {
  /** The BullMQ queue the job travels on. */
  readonly queue: string;
  /** What its payload must be; a job that does not parse is failed at once, never retried. */
  readonly payload: z.ZodType;
  readonly options: JobsOptions;
}

/**
 * Every job of the pipeline: its queue, the shape of its payload and how it is retried. A worker process refuses to
 * start unless each of them has exactly one handler (the server's job registry checks it at boot).
 */
export const JOBS = {
  /** A group of accepted reports, to be stored in ClickHouse and run through the report alert rules. */
  'store-batch': { queue: REPORTS_QUEUE, payload: reportBatchJobSchema, options: STORE_BATCH_JOB_OPTIONS },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The queues the jobs travel on, each once. */
export const JOB_QUEUES: readonly string[] = [...new Set(JOB_NAMES.map((name) => JOBS[name].queue))];
