import { z } from 'zod';
import { reportSchema } from './report.schema';

/**
 * A group commit of reports accepted together by one API process. `batchId` is also the BullMQ job id
 * and the ClickHouse insert deduplication token, so a retried batch is stored once.
 */
export const reportBatchJobSchema = z.strictObject({
  batchId: z.uuid(),
  acceptedAt: z.iso.datetime({ offset: true }),
  reports: z.array(reportSchema).min(1),
});
export type ReportBatchJob = z.infer<typeof reportBatchJobSchema>;

/** Published after a batch is in ClickHouse so live push recomputes only the scopes it touched. */
export const reportsStoredEventSchema = z.strictObject({
  batchId: z.uuid(),
  gridCodes: z.array(z.string()),
});
export type ReportsStoredEvent = z.infer<typeof reportsStoredEventSchema>;
