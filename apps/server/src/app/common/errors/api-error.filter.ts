import type { ApiError, ApiErrorCode } from '@grid-command/contracts';
import { QueueUnavailableError } from '@grid-command/queue';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from './app-error';
import { httpStatusOf } from './http-status';
import { isRedisUnavailable } from './redis-unavailability';

/** While Redis is away every request may fail the same way: one warning per interval says how many did. */
const UNAVAILABLE_WARNING_INTERVAL_MS = 5_000;

/** Codes for the errors Nest raises itself (an unknown route, a method not allowed). */
const CODE_OF_NEST_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_body',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unknown_grid',
  503: 'unavailable',
};

/** Every HTTP error leaves as `{statusCode, error, message, issues?}`; unexpected ones are logged, never leaked. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);
  private unavailableSince = 0;
  private unavailableUnreported = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    const retryAfter = exception instanceof AppError ? exception.details.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    else if (body.statusCode === 503) response.setHeader('Retry-After', '1');
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppError) {
      const { issues, currentState, alert, layoutProblems } = exception.details;
      return {
        statusCode: httpStatusOf(exception.code),
        error: exception.code,
        message: exception.message,
        ...(issues ? { issues: [...issues] } : {}),
        ...(currentState ? { currentState } : {}),
        ...(alert ? { alert } : {}),
        ...(layoutProblems ? { layoutProblems: [...layoutProblems] } : {}),
      };
    }
    if (exception instanceof QueueUnavailableError) {
      this.logger.warn(exception.message);
      return { statusCode: httpStatusOf('unavailable'), error: 'unavailable', message: 'reports cannot be queued right now; retry with the same ids' };
    }
    if (isRedisUnavailable(exception)) {
      this.warnUnavailable(exception as Error);
      return { statusCode: httpStatusOf('unavailable'), error: 'unavailable', message: 'Redis cannot be reached right now; retry shortly' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: CODE_OF_NEST_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal' : 'invalid_parameter'), message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: httpStatusOf('internal'), error: 'internal', message: 'internal error' };
  }

  private warnUnavailable(error: Error): void {
    this.unavailableUnreported += 1;
    const now = Date.now();
    if (now - this.unavailableSince < UNAVAILABLE_WARNING_INTERVAL_MS) return;
    this.logger.warn(`answered 503 to ${this.unavailableUnreported} request(s): Redis unavailable (${error.message})`);
    this.unavailableSince = now;
    this.unavailableUnreported = 0;
  }
}
