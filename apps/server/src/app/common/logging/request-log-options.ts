import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Options } from 'pino-http';
import { scrubSecrets } from './redaction';
import { requestIdOf } from './request-id';

/**
 * Ingest's hot path answers thousands of requests a second: its accepted and its shed requests (503, whose start
 * and end the backpressure logs once) and the health probes that pass log at debug, so the default level writes a
 * line only for what someone may need to look at.
 */
function isRoutine(request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? '').split('?')[0] ?? '';
  if (request.method === 'POST' && path === '/api/v1/reports') return response.statusCode < 300 || response.statusCode === 503;
  return path.startsWith('/health/') && response.statusCode < 300;
}

/** How each request is logged: its id, method, address with credentials cut out, status and time; never its headers. */
export function requestLogOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    customLogLevel: (request, response, error) => {
      if (isRoutine(request, response)) return 'debug';
      if (error || response.statusCode >= 500) return response.statusCode === 503 ? 'warn' : 'error';
      return 'info';
    },
    customSuccessMessage: (request, response) => `${request.method} ${scrubSecrets(request.url ?? '')} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${scrubSecrets(request.url ?? '')} ${response.statusCode}`,
    serializers: {
      req: (request: { method: string; url: string; remoteAddress?: string }) => ({ method: request.method, url: scrubSecrets(request.url), remoteAddress: request.remoteAddress }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
}
