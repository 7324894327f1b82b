import type { ApiError, ApiErrorCode } from '@grid-command/contracts';
import { QueueUnavailableError } from '@grid-command/queue';
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiException } from './api.exception';

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_body',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unknown_grid',
  503: 'unavailable',
};

/** Every HTTP error leaves as `{statusCode, error, message, issues?}`; unexpected ones are logged, never leaked. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode === 503) response.setHeader('Retry-After', '1');
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ApiException) return exception.getResponse() as ApiError;
    if (exception instanceof QueueUnavailableError) {
      this.logger.warn(exception.message);
      return { statusCode: 503, error: 'unavailable', message: 'reports cannot be queued right now; retry with the same ids' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal' : 'invalid_parameter'), message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal', message: 'internal error' };
  }
}
