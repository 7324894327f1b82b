import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { allowedOriginsOf, hardenHttp } from './common/http-hardening';
import { requestLogging, startProcessLogger } from './common/logging';
import { RedisRuntime } from './infrastructure/redis-runtime.service';
import { LiveIoAdapter } from './live';
import { hostScreen } from './screen-hosting';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface CreateAppOptions {
  /** Where the JSON log lines go; stdout when not given (a test reads them from a stream). */
  readonly logDestination?: DestinationStream;
}

/** Builds the whole server for a configuration; `main` and the integration tests use the same path. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  const logLevels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1);
  Logger.overrideLogger(logLevels);
  // Before anything logs, so the embedded Redis starting writes JSON too; Nest's `new Logger(Name)` writes through it.
  const logger = startProcessLogger(config.logLevel, options.logDestination);
  const redis = await RedisRuntime.start(config);
  try {
    const app = await NestFactory.create(AppModule.forRoles(config, redis), {
      bodyParser: false,
      logger: logger.nest,
      abortOnError: false,
    });
    // First, so a request the hardening refuses has its id and its line too.
    app.use(requestLogging(logger.pino));
    hardenHttp(app, config);
    app.useWebSocketAdapter(new LiveIoAdapter(app, allowedOriginsOf(config)));
    if (config.roles.has('api')) hostScreen(app, config.screenDir, config.timeZone);
    return app;
  } catch (error) {
    await redis.onApplicationShutdown();
    throw error;
  }
}
