import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../../config/app-config';
import { AppError } from './errors/app-error';
import { illFormedTextError } from './ill-formed-text';
import { APP_CONFIG } from '../infrastructure/tokens';

interface BodyParserError {
  type?: string;
  message?: string;
}

/**
 * Parses the JSON body of every route that takes one, turning body-parser failures into the public error shape (413,
 * 415, 400), and refuses a body holding text that is not valid Unicode (a lone surrogate, which JSON allows and
 * ClickHouse refuses) with 400 naming the field, before any schema or capability sees it.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: ReturnType<typeof express.json>;
  private readonly limitBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limitBytes = config.ingest.maxBodyBytes;
    this.parse = express.json({ limit: config.ingest.maxBodyBytes, strict: false, type: () => true });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (!request.is(['application/json', 'application/*+json'])) {
      next(new AppError('unsupported_media_type', `Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`));
      return;
    }
    this.parse(request, response, (error?: unknown) => {
      if (!error) return next(illFormedTextError(request.body, 'invalid_body') ?? undefined);
      const failure = error as BodyParserError;
      if (failure.type === 'entity.too.large') {
        next(new AppError('payload_too_large', `body is larger than the limit of ${this.limitBytes} bytes; send at most 1000 reports per request`));
      } else if (failure.type === 'entity.parse.failed') {
        next(new AppError('invalid_body', `body is not valid JSON: ${failure.message ?? ''}`.trim()));
      } else if (failure.type === 'charset.unsupported' || failure.type === 'encoding.unsupported') {
        next(new AppError('unsupported_media_type', failure.message ?? 'unsupported encoding'));
      } else {
        next(new AppError('invalid_body', failure.message ?? 'cannot read the body'));
      }
    });
  }
}
