import type { Redis } from 'ioredis';
import { CREDENTIAL_REVOCATIONS_CHANNEL, type CredentialRevocation } from '../credential-revocations';

/** Tells every process that a credential stopped being valid, so caches drop it and sockets holding it close. */
export async function announceCredentialRevocation(redis: Redis, revocation: CredentialRevocation): Promise<void> {
  await redis.publish(CREDENTIAL_REVOCATIONS_CHANNEL, JSON.stringify(revocation));
}
