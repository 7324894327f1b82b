import type { UserRecord } from '@grid-command/queue';

/** Where a login comes from, for what an authenticator records or limits. */
export interface LoginSource {
  readonly sourceIp: string | null;
}

/**
 * The one seam between "who is this" and the sessions the server issues: the built-in one checks a username and
 * password against the users in Redis; an OIDC provider would take its place and map the provider's claims to a
 * user, and the same session tokens follow. Throws `AppError('unauthenticated')` with one message for every
 * failure, never saying which part was wrong.
 */
export interface CredentialAuthenticator {
  authenticate(username: string, password: string, source: LoginSource): Promise<UserRecord>;
}

export const CREDENTIAL_AUTHENTICATOR = Symbol('CREDENTIAL_AUTHENTICATOR');

/** The answer to every failed login: unknown user, wrong password or disabled user alike. */
export const WRONG_CREDENTIALS_MESSAGE = 'wrong username or password';
