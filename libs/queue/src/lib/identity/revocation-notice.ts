import type { Redis } from 'ioredis';
import { subscribeParsed } from '../channel-subscription';
import { CREDENTIAL_REVOCATIONS_CHANNEL, credentialRevocationSchema, type CredentialRevocation } from '../credential-revocations';

/** Tells every process that a credential stopped being valid, so caches drop it and sockets holding it close. */
export async function announceCredentialRevocation(redis: Redis, revocation: CredentialRevocation): Promise<void> {
  await redis.publish(CREDENTIAL_REVOCATIONS_CHANNEL, JSON.stringify(revocation));
}

/** Every revocation announced by any process. `subscriber` is the process's subscribed connection. */
export function subscribeCredentialRevocations(
  subscriber: Redis,
  onRevocation: (revocation: CredentialRevocation) => void,
  onInvalid: (problem: string) => void,
): Promise<void> {
  return subscribeParsed(subscriber, CREDENTIAL_REVOCATIONS_CHANNEL, credentialRevocationSchema, onRevocation, onInvalid);
}
