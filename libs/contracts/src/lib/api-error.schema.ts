import { z } from 'zod';
import { alertSchema } from './alert.schema';
import { layoutProblemSchema } from './dashboard.schema';
import { TICKET_STATES } from './ticket.schema';

/** One problem with a request body. `index` is the position in a batch (0 for a single report). */
export const fieldIssueSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const API_ERROR_CODES = [
  'invalid_body',
  'unknown_grid',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_parameter',
  'not_found',
  'illegal_transition',
  'invalid_event',
  'ticket_pending',
  /** The report was accepted but could not be stored; it waits in the dead letters for an operator (message: why). */
  'report_dead_lettered',
  'alert_conflict',
  'unavailable',
  /** The report queue is deeper or older than its bound; `Retry-After` says when to resend the same ids. */
  'overloaded',
  'internal',
  'unauthenticated',
  'token_expired',
  'token_revoked',
  'forbidden',
  'rate_limited',
  /** The thing to create exists already (a taken username). */
  'conflict',
  /** A standing cap is full (active mutes per principal or in total); `Retry-After` says when the soonest counted item ends. */
  'limit_reached',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.strictObject({
  statusCode: z.number().int(),
  error: z.enum(API_ERROR_CODES),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  /** With `illegal_transition`: the ticket's state, so the caller sees at once what happened instead. */
  currentState: z.enum(TICKET_STATES).optional(),
  /** With `alert_conflict`: the alert as it now stands, after the action that got there first. */
  alert: alertSchema.optional(),
  /** With a layout that was never valid (503): what is wrong with its file, in both languages of the wall. */
  layoutProblems: z.array(layoutProblemSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
