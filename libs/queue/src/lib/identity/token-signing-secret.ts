import type { Redis } from 'ioredis';
import { TOKEN_SIGNING_SECRET_KEY } from './identity-keys';

/**
 * The signing secret every process shares: `candidate` is kept if no process stored one before (SET NX), so the
 * first process to start decides and a restart keeps the tokens it signed valid.
 */
export async function sharedTokenSigningSecret(redis: Redis, candidate: string): Promise<string> {
  await redis.set(TOKEN_SIGNING_SECRET_KEY, candidate, 'NX');
  const stored = await redis.get(TOKEN_SIGNING_SECRET_KEY);
  if (stored === null) throw new Error(`${TOKEN_SIGNING_SECRET_KEY} vanished right after it was set`);
  return stored;
}
