import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/create-app';
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
  await app.listen(config.http.port, config.http.host);
  const address = await app.getUrl();
  logger.log(`grid-command ${[...config.roles].join('+')} listening on ${address.replace('[::1]', 'localhost')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`grid-command failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
