/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/**
 * Fields that hold a secret wherever an object is logged (pino's redact paths, at the top and one level down):
 * headers that carry credentials, passwords, tokens and keys as the identity routes name them.
 */
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'refreshToken', 'accessToken', 'token', 'key', 'secret'];
const SECRET_HEADERS = ['authorization', 'cookie', '"set-cookie"', '"x-api-key"'];
export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => [`headers.${header}`, `*.headers.${header}`]),
];

/** Ingest keys (`gck_…`) and display tokens (`gcd_…`) wherever they appear in a text: a message, an error, an address. */
const CREDENTIAL_IN_TEXT = /\b(gc[kd]_)[A-Za-z0-9_-]+/g;
/** Query parameters that carry a credential: the wall's kiosk address has `?display=gcd_…`. */
const SECRET_QUERY_PARAMETER = /([?&](?:display|token|access_token|refresh_token|key|password)=)[^&#\s]*/gi;

/** A text with every credential it may hold replaced, keeping the prefix so a reader sees what kind it was. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_QUERY_PARAMETER, `$1${REDACTED}`).replace(CREDENTIAL_IN_TEXT, `$1${REDACTED}`);
}
