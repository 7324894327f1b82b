import 'reflect-metadata';
import { AppError } from '../app/common/errors/app-error';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { AdminUsageError, parseAdminArguments } from './admin-arguments';
import { runAdminCommand } from './admin-commands';
import { AdminConnectionError, adminContext, connectAdminRedis, redisTargetOf } from './admin-context';

/** `npm run admin -- <command>`: users, ingest keys and display tokens, against the server's own Redis. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseAdminArguments(argv);
    // eslint-disable-next-line no-restricted-properties -- the CLI's entry point reads the server's configuration once, as main.ts does
    const config = loadAppConfig(process.env);
    const redis = await connectAdminRedis(redisTargetOf(config));
    try {
      const lines = await runAdminCommand(command, await adminContext(config, redis, readStdin));
      process.stdout.write(lines.map((line) => `${line}\n`).join(''));
      return 0;
    } finally {
      await redis.quit();
    }
  } catch (error) {
    if (error instanceof AppError) process.stderr.write(`${error.code}: ${error.message}\n`);
    else if (error instanceof AdminUsageError || error instanceof AdminConnectionError || error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else throw error;
    return error instanceof AdminUsageError ? 2 : 1;
  }
}

/** The first line piped in, without its line end: a password never appears in the process list or shell history. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
