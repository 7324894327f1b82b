/** A request the wall could not complete, worded for the error screen (operators read it, leaders see it). */
export class ApiRequestError extends Error {
  constructor(
    readonly path: string,
    /** HTTP status, or null when no answer came (network down, timeout). */
    readonly status: number | null,
    detail: string,
  ) {
    super(`GET ${path}: ${status === null ? '' : `${status} `}${detail}`);
    this.name = 'ApiRequestError';
  }
}
