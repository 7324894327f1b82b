import type { ApiErrorCode } from '@grid-command/contracts';

/** Each error code has one HTTP status; a new code does not compile until it is given one here. */
export function httpStatusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid_body':
    case 'invalid_parameter':
      return 400;
    case 'unauthenticated':
    case 'token_expired':
    case 'token_revoked':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'illegal_transition':
    case 'alert_conflict':
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'unknown_grid':
    case 'invalid_event':
    case 'report_dead_lettered':
      return 422;
    case 'rate_limited':
    case 'limit_reached':
      return 429;
    case 'internal':
      return 500;
    case 'ticket_pending':
    case 'unavailable':
    case 'overloaded':
      return 503;
  }
}
