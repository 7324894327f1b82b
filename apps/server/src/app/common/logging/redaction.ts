/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/**
 * Fields that hold a secret, censored by pino wherever an object with them is logged: headers that carry credentials
 * (request lines carry no headers at all; these catch a request or response logged by hand) and the identity routes'
 * passwords and tokens. Fixed paths only: pino's wildcard paths cost several times a plain line on every line and
 * every per-request child logger.
 */
export const REDACTED_PATHS: readonly string[] = [
  ...['req.headers', 'res.headers', 'headers'].flatMap((at) => [`${at}.authorization`, `${at}.cookie`, `${at}["set-cookie"]`]),
  ...['', 'body.'].flatMap((at) => ['password', 'currentPassword', 'newPassword', 'refreshToken', 'accessToken', 'token'].map((field) => `${at}${field}`)),
];

/** Ingest keys (`gck_…`) and display tokens (`gcd_…`) wherever they appear in a text: a message, an error, an address. */
const CREDENTIAL_IN_TEXT = /\b(gc[kd]_)[A-Za-z0-9_-]+/g;
/** Query parameters that carry a credential: the wall's kiosk address has `?display=gcd_…`. */
const SECRET_QUERY_PARAMETER = /([?&](?:display|token|access_token|refresh_token|key|password)=)[^&#\s]*/gi;

/** A text with every credential it may hold replaced, keeping the prefix so a reader sees what kind it was. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_QUERY_PARAMETER, `$1${REDACTED}`).replace(CREDENTIAL_IN_TEXT, `$1${REDACTED}`);
}
