import { z } from 'zod';
import { reportSchema } from './report.schema';

/**
 * `<batchId>#<index>`: the batch the report was queued in and its place there, which name a dead letter even when
 * the report's own id is unreadable. In a path it is sent with `#` encoded (`%23`).
 */
export const deadLetterIdSchema = z
  .string()
  .max(64)
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}#(0|[1-9]\d{0,3})$/, 'must be <batchId>#<index>, a batch UUID and a report position')
  .transform((id) => id.toLowerCase());

/**
 * A report the worker could not store, kept until an operator replays it. `reportId` and `gridCode` are null when
 * the queued report does not hold a readable one; `report` is the report as it was queued (or as last corrected).
 */
export const deadLetterSchema = z.strictObject({
  id: z.string(),
  batchId: z.string(),
  index: z.number().int().nonnegative(),
  reportId: z.string().nullable(),
  gridCode: z.string().nullable(),
  /** The grid's street · community · grid names; null when the grid code is unreadable or names no known grid. */
  place: z.string().nullable(),
  /** Why it was not stored: the schema's issues, or ClickHouse's (or the last replay's) reason. */
  reason: z.string(),
  parkedAt: z.iso.datetime({ offset: true }),
  report: z.unknown(),
  /** Replays tried so far that failed again. */
  replays: z.number().int().nonnegative(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const MAX_DEAD_LETTERS_PER_PAGE = 500;

/**
 * `GET /api/v1/ops/dead-letters?limit&offset`: oldest parked first (then by id), `limit` (default 100, at most
 * 500) from `offset` (at most 1,000,000).
 */
export const deadLetterListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_DEAD_LETTERS_PER_PAGE).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DeadLetterListQuery = z.infer<typeof deadLetterListQuerySchema>;

/** One page of dead letters and how many there are in all. */
export const deadLetterListSchema = z.strictObject({
  deadLetters: z.array(deadLetterSchema),
  total: z.number().int().nonnegative(),
});
export type DeadLetterList = z.infer<typeof deadLetterListSchema>;

/**
 * `POST /api/v1/ops/dead-letters/:id/replay` body: empty (`{}`) replays the report as queued; `report` replaces it
 * with a corrected one, which must keep the same id.
 */
export const deadLetterReplayRequestSchema = z.strictObject({
  report: reportSchema.optional(),
});
export type DeadLetterReplayRequest = z.infer<typeof deadLetterReplayRequestSchema>;

export const deadLetterReplayedSchema = z.strictObject({
  id: z.string(),
  reportId: z.string(),
  stored: z.literal(true),
});
export type DeadLetterReplayed = z.infer<typeof deadLetterReplayedSchema>;
