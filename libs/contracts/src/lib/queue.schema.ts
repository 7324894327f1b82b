import { z } from 'zod';
import type { Report } from './report.schema';

/**
 * A group commit of reports accepted together by one API process. `batchId` is also the BullMQ job id
 * and the ClickHouse insert deduplication token, so a retried batch is stored once.
 */
export interface ReportBatchJob {
  readonly batchId: string;
  readonly acceptedAt: string;
  readonly reports: Report[];
}

/**
 * The job as the worker reads it: the batch's envelope is checked here, each report by the worker against
 * `reportSchema` one by one, so a report that no longer passes (a rule added since it was queued) is parked on its
 * own instead of failing its whole batch.
 */
export const reportBatchJobSchema = z.strictObject({
  batchId: z.uuid(),
  acceptedAt: z.iso.datetime({ offset: true }),
  reports: z.array(z.unknown()).min(1),
});

/** Published after a batch is in ClickHouse so live push recomputes only the scopes it touched. */
export const reportsStoredEventSchema = z.strictObject({
  batchId: z.uuid(),
  gridCodes: z.array(z.string()),
  /** When the batch was accepted, so live push can measure acceptance to screen; absent from older workers. */
  acceptedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ReportsStoredEvent = z.infer<typeof reportsStoredEventSchema>;

/** Published after ticket events are in ClickHouse, with the grids of their tickets, so live push recomputes those KPIs. */
export const ticketEventsStoredEventSchema = z.strictObject({ gridCodes: z.array(z.string()) });
export type TicketEventsStoredEvent = z.infer<typeof ticketEventsStoredEventSchema>;
