import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * Tells a connection's loss once and its return once. ioredis reports every failed reconnection attempt (several a
 * second while Redis is restarted), which would bury the one line that matters; without a listener it prints each
 * to stderr as an unhandled error event.
 */
export function reportOutages(connection: Redis, name: string, logger: Logger): void {
  let lost = false;
  connection.on('error', (error: Error) => {
    if (lost) return;
    lost = true;
    logger.warn(`${name}: lost Redis (${error.message}); reconnecting`);
  });
  connection.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.log(`${name}: Redis is back`);
  });
}
