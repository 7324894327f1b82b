import type { Level } from 'pino';
import type { AppConfig } from '../../../config/app-config';

/** `LOG_LEVEL` keeps Nest's names; pino calls `log` info and `verbose` trace. */
export const PINO_LEVEL_OF: Readonly<Record<AppConfig['logLevel'], Level>> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
