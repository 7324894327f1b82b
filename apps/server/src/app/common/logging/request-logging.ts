import type { NextFunction, Request, Response } from 'express';
import type { Level, Logger } from 'pino';
import { performance } from 'node:perf_hooks';
import { requestContext } from './request-context';
import { scrubSecrets } from './redaction';
import { requestIdOf } from './request-id';

/**
 * Ingest's hot path answers thousands of requests a second: its accepted and its shed requests (503, whose start
 * and end the backpressure logs once) and the health probes that pass log at debug, so the default level writes a
 * line only for what someone may need to look at.
 */
function isRoutine(method: string, path: string, status: number): boolean {
  if (method === 'POST' && path === '/api/v1/reports') return status < 300 || status === 503;
  return path.startsWith('/health/') && status < 300;
}

function levelOf(method: string, path: string, status: number, aborted: boolean): Level {
  if (isRoutine(method, path, status) && !aborted) return 'debug';
  if (aborted || status >= 500) return status === 503 ? 'warn' : 'error';
  return 'info';
}

/**
 * Gives every request its id (the caller's well-formed `X-Request-Id`, else a new one, echoed in the response), runs
 * the rest of its handling inside that id's context, so every line the code writes meanwhile carries it, and writes
 * one line when it ends: method, address with credentials cut out, status, time; never its headers. Written by hand
 * rather than with pino-http, whose per-request child loggers cost a third of a cheap route's throughput here; a line
 * below the level costs a comparison.
 */
export function requestLogging(logger: Logger): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const requestId = requestIdOf(request, response);
    const startedAt = performance.now();
    response.once('close', () => {
      const path = (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
      const aborted = !response.writableFinished;
      const level = levelOf(request.method, path, response.statusCode, aborted);
      if (!logger.isLevelEnabled(level)) return;
      const url = scrubSecrets(request.originalUrl ?? request.url ?? '');
      logger[level](
        {
          requestId,
          req: { method: request.method, url, remoteAddress: request.socket.remoteAddress },
          res: { statusCode: response.statusCode },
          ms: Math.round((performance.now() - startedAt) * 10) / 10,
        },
        `${request.method} ${url} ${aborted ? 'aborted' : response.statusCode}`,
      );
    });
    requestContext.run({ requestId }, next);
  };
}
