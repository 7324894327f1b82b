import type { ApiError } from '@grid-command/contracts';

/** A request the screen could not complete, worded for the error screen (operators read it, leaders see it). */
export class ApiRequestError extends Error {
  constructor(
    readonly path: string,
    /** HTTP status, or null when no answer came (network down, timeout). */
    readonly status: number | null,
    /** The server's own wording of the failure. */
    readonly detail: string,
    readonly method = 'GET',
    /** The error body, when the server answered with one (a 409 carries the alert as it now stands). */
    readonly body: ApiError | null = null,
    /** `Retry-After` of the answer in seconds (a locked login, an unavailable queue); null without one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${method} ${path}: ${status === null ? '' : `${status} `}${detail}`);
    this.name = 'ApiRequestError';
  }
}
