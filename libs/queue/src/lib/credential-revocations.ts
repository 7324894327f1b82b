import { z } from 'zod';

/**
 * Announced when a credential stops being valid before its time: a logout or a refresh-token reuse (`session`,
 * the refresh family), a disabled or deleted user (`user`), a revoked key or display token. Every process drops
 * what it cached of it and the live process disconnects its sockets at once.
 */
export const CREDENTIAL_REVOCATIONS_CHANNEL = 'grid-command:credential-revocations';

export const credentialRevocationSchema = z.strictObject({
  kind: z.enum(['session', 'user', 'ingest_key', 'display_token']),
  id: z.string().min(1),
});
export type CredentialRevocation = z.infer<typeof credentialRevocationSchema>;
