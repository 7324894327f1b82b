import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/create-app';
import { closeConnectionsAfterTheirRequests } from './close-connections';
import { RedisRuntime } from './app/infrastructure/redis-runtime.service';
import { lockDataDir } from './app/data-dir-lock';
import { ConfigError, loadAppConfig, type AppConfig } from './config/app-config';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`grid-command: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new Logger('Main');
  const unlock = config.clickhouse.kind === 'embedded' ? lockDataDir(config.dataDir) : () => undefined;
  process.once('exit', unlock);
  const app = await createApp(config);
  // redis-server runs in its own process group, so no signal of ours reaches it: whatever way this process exits,
  // it must not stay behind (after an orderly close it is already stopped and this does nothing).
  const redis = app.get(RedisRuntime);
  process.once('exit', () => redis.stopNow());
  stopGracefullyOn(
    ['SIGTERM', 'SIGINT'],
    () => {
      closeConnectionsAfterTheirRequests(app.getHttpServer());
      return app.close();
    },
    logger,
  );
  try {
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    // The port is taken, say: stop what was started (the worker, the connections, Redis last) before exiting.
    await app.close();
    throw error;
  }
  const address = await app.getUrl();
  logger.log(`grid-command ${[...config.roles].join('+')} listening on ${address.replace('[::1]', 'localhost')}`);
}

/**
 * Drains the intake, finishes the batch in hand and closes the stores before exiting 0; a second signal or a
 * shutdown longer than 30 s exits at once (whatever was acknowledged is already in Redis).
 */
function stopGracefullyOn(signals: NodeJS.Signals[], close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), 30_000).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`grid-command failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
