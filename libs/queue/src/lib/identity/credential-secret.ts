import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the secret part of a refresh token, an ingest key or a display token. */
export function newCredentialSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a secret instead of the secret itself. A plain SHA-256 is enough here, unlike for passwords:
 * the secrets are 32 random bytes, so there is nothing to guess from the digest, and a fast hash keeps the
 * per-request lookup of a key cheap (argon2 is for the passwords people choose).
 */
export function digestOfSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
