import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../../config/app-config';
import { AppError } from './errors/app-error';
import { illFormedTextError } from './ill-formed-text';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './json-depth';
import { APP_CONFIG } from '../infrastructure/tokens';
import type { AuthenticatedRequest } from './access/access.guard';
import { bearerOf } from './access/bearer';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './access/principal';

interface BodyParserError {
  type?: string;
  message?: string;
}

/**
 * The routes an ingest key posts batches to (up to 1000 reports; up to 50 ticket events with notes of 2000
 * characters): their bodies may reach `INGEST_MAX_BODY_BYTES`. Every other JSON body (an alert action, a mute, a
 * login, a user) is small and capped at `HTTP_MAX_BODY_BYTES`, so nobody makes the server parse megabytes for it.
 */
const BATCH_ROUTES: readonly RegExp[] = [/^\/api\/v1\/reports\/?$/, /^\/api\/v1\/tickets\/[^/]+\/events\/?$/];

interface BodyParser {
  readonly parse: ReturnType<typeof express.json>;
  readonly limitBytes: number;
  /** Appended to the 413's message: what to do instead. */
  readonly hint: string;
}

/**
 * Parses the JSON body of every route that takes one, turning body-parser failures into the public error shape (413,
 * 415, 400), and refuses a body holding text that is not valid Unicode (a lone surrogate, which JSON allows and
 * ClickHouse refuses) with 400 naming the field, before any schema or capability sees it.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly batches: BodyParser;
  private readonly others: BodyParser;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
  ) {
    this.batches = parserOf(config.ingest.maxBodyBytes, '; send at most 1000 reports per request');
    this.others = parserOf(config.httpLimits.maxBodyBytes, '');
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (!request.is(['application/json', 'application/*+json'])) {
      next(new AppError('unsupported_media_type', `Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`));
      return;
    }
    if (!BATCH_ROUTES.some((route) => route.test(request.originalUrl.split('?')[0] ?? ''))) return this.parse(this.others, request, response, next);
    // A batch body may be megabytes: its credential is checked before a byte of it is read, so nobody without one
    // makes the server parse it. The access guard checks role and scope afterwards, with the principal found here.
    Promise.resolve(request.headers.authorization)
      .then((authorization) => this.principals.resolve(bearerOf(authorization)))
      .then(
        (principal) => {
          (request as AuthenticatedRequest).principal = principal;
          this.parse(this.batches, request, response, next);
        },
        (refusal: unknown) => next(refusal),
      );
  }

  private parse(parser: BodyParser, request: Request, response: Response, next: NextFunction): void {
    parser.parse(request, response, (error?: unknown) => {
      if (!error) return next(this.refusalOf(request.body));
      const failure = error as BodyParserError;
      if (failure.type === 'entity.too.large') {
        next(new AppError('payload_too_large', `body is larger than the limit of ${parser.limitBytes} bytes${parser.hint}`));
      } else if (failure.type === 'entity.parse.failed') {
        next(new AppError('invalid_body', `body is not valid JSON: ${failure.message ?? ''}`.trim()));
      } else if (failure.type === 'charset.unsupported' || failure.type === 'encoding.unsupported') {
        next(new AppError('unsupported_media_type', failure.message ?? 'unsupported encoding'));
      } else {
        next(new AppError('invalid_body', failure.message ?? 'cannot read the body'));
      }
    });
  }

  /** Why a body that is valid JSON is still refused, before any schema walks it; undefined when it is not. */
  private refusalOf(body: unknown): AppError | undefined {
    if (nestsDeeperThan(body, MAX_BODY_DEPTH)) return new AppError('invalid_body', `body: nests deeper than ${MAX_BODY_DEPTH} levels`);
    return illFormedTextError(body, 'invalid_body') ?? undefined;
  }
}

function parserOf(limitBytes: number, hint: string): BodyParser {
  return { parse: express.json({ limit: limitBytes, strict: false, type: () => true }), limitBytes, hint };
}
