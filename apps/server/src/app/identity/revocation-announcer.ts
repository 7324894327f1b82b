import { announceCredentialRevocation, type CredentialRevocation } from '@grid-command/queue';
import type { Redis } from 'ioredis';

/** Tells every process a credential stopped being valid; the server's own also forgets it before answering. */
export interface RevocationAnnouncer {
  announce(revocation: CredentialRevocation): Promise<void>;
}

export const REVOCATION_ANNOUNCER = Symbol('REVOCATION_ANNOUNCER');

/** For a process that caches no principals (the admin CLI): the announcement alone. */
export function announcerOver(redis: Redis): RevocationAnnouncer {
  return { announce: (revocation) => announceCredentialRevocation(redis, revocation) };
}
