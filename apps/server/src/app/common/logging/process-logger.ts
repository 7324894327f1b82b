import { Logger as NestLogger, type LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../../config/app-config';
import { PINO_LEVEL_OF } from './log-levels';
import { REDACTED, REDACTED_PATHS, scrubSecrets } from './redaction';
import { requestContext } from './request-context';

/** The process's one pino logger, and Nest's face of it; every `new Logger(Name)` of the code writes through it. */
export interface ProcessLogger {
  readonly pino: Logger;
  readonly nest: LoggerService;
}

let current: ProcessLogger | null = null;

/**
 * Builds the process's JSON logger at `LOG_LEVEL` (to stdout unless a test gives a stream) and makes it Nest's logger,
 * so the lines written before the application exists (the embedded Redis starting) are JSON too. Secrets are
 * censored by field (headers, passwords, tokens) and in every logged text (`gck_…`, `gcd_…`, `?display=…`).
 */
export function startProcessLogger(level: AppConfig['logLevel'], destination?: DestinationStream): ProcessLogger {
  const root = pino(
    {
      level: PINO_LEVEL_OF[level],
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
      // Every line written while a request is handled carries its id; the request's own line names it already.
      mixin: (line: object) => {
        const request = requestContext.getStore();
        return request === undefined || 'requestId' in line ? {} : { requestId: request.requestId };
      },
      // Error messages and stacks may quote what a client sent.
      serializers: { err: (error: Error) => scrubbedError(pino.stdSerializers.err(error)) },
    },
    destination,
  );
  const params: Params = { pinoHttp: { logger: root } };
  const nest = new PinoNestLogger(new PinoLogger(params), params);
  NestLogger.overrideLogger(nest);
  current = { pino: root, nest };
  return current;
}

/** The logger `startProcessLogger` built. */
export function processLogger(): ProcessLogger {
  if (current === null) throw new Error('the process logger is not started: createApp starts it');
  return current;
}

function scrubbedError(serialized: ReturnType<typeof pino.stdSerializers.err>): ReturnType<typeof pino.stdSerializers.err> {
  return { ...serialized, message: scrubSecrets(serialized.message), stack: scrubSecrets(serialized.stack) };
}
