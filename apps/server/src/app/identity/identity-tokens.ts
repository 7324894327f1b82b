/** Injection tokens of the identity capability's stores that share a class. */
export const INGEST_KEY_STORE = Symbol('INGEST_KEY_STORE');
export const DISPLAY_TOKEN_STORE = Symbol('DISPLAY_TOKEN_STORE');
/** The `ScopedCredentials` of each kind. */
export const INGEST_KEYS = Symbol('INGEST_KEYS');
export const DISPLAY_TOKENS = Symbol('DISPLAY_TOKENS');

/** What a bearer credential starts with tells the resolver where to look: `gck_` an ingest key, `gcd_` a display token. */
export const INGEST_KEY_PREFIX = 'gck_';
export const DISPLAY_TOKEN_PREFIX = 'gcd_';
