import type { Alert, ApiErrorCode, FieldIssue, LayoutProblem, TicketState } from '@grid-command/contracts';

/** What an error carries beyond its message, for the caller to act on. */
export interface AppErrorDetails {
  readonly issues?: readonly FieldIssue[];
  /** With `illegal_transition`: the ticket's state. */
  readonly currentState?: TicketState;
  /** With `alert_conflict`: the alert as it now stands. */
  readonly alert?: Alert;
  /** With a layout that was never valid: what is wrong with its file, for the wall to say in its language. */
  readonly layoutProblems?: readonly LayoutProblem[];
  /** With `rate_limited` (and `unavailable`): when to try again, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;
}

/**
 * An error a client can act on, thrown by services with its code; the HTTP status follows from the code alone
 * (`httpStatusOf`), so no service knows about HTTP.
 */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
