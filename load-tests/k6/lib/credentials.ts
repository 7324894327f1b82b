/**
 * The scripts' credentials, from `-e` like every setting: `INGEST_KEY` (reports and ticket events), a user
 * (`ACCESS_TOKEN`, or `USERNAME` and `PASSWORD`) for reads and alert actions, `DISPLAY_TOKEN` for walls. setup()
 * checks each one the script needs against `GET /api/v1/auth/me` (role and scope) and aborts before any load when
 * one is missing or refused, naming the variable. A user's token goes to the VUs in setup()'s data; with a password,
 * each VU signs in again shortly before its token expires (a refresh token rotates, so VUs cannot share one).
 */
import execution from 'k6/execution';
import http from 'k6/http';
import { principalViewSchema, sessionTokensSchema, type AccessRole, type PrincipalView } from '@grid-command/contracts';
import { effectiveRoles, isWithinGrants } from '@grid-command/domain';
import { BASE_URL, stringFromEnv } from './env';
import { jsonOf } from './json';

const INGEST_KEY = stringFromEnv('INGEST_KEY', '');
const ACCESS_TOKEN = stringFromEnv('ACCESS_TOKEN', '');
const USERNAME = stringFromEnv('USERNAME', '');
const PASSWORD = stringFromEnv('PASSWORD', '');
/** Comma-separated: one token per wall; screens take them in turn (the server caps sockets per credential). */
const DISPLAY_TOKENS = stringFromEnv('DISPLAY_TOKEN', '')
  .split(',')
  .map((token) => token.trim())
  .filter((token) => token !== '');

const HOW_TO_GET_ONE = 'an admin makes it with the admin CLI (npm run admin) or the API; see load-tests/README.md, "Credentials"';
/** A VU signs in again this long before its token runs out, so no request goes out with an expired one. */
const RENEW_BEFORE_MS = 60_000;

/** A user's access token as setup() hands it to the VUs. */
export interface UserSession {
  readonly accessToken: string;
  readonly expiresAtMs: number;
  /** Whether VUs may sign in again (a password was given) when it runs out. */
  readonly renewable: boolean;
}

function abort(message: string): never {
  execution.test.abort(message);
  throw new Error(message);
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

function principalOf(token: string, variable: string): PrincipalView {
  const response = http.get(`${BASE_URL}/api/v1/auth/me`, { headers: bearer(token), tags: { name: 'GET /api/v1/auth/me' } });
  const principal = principalViewSchema.safeParse(jsonOf(response));
  if (response.status !== 200 || !principal.success) abort(`-e ${variable}: the server refused it (GET /api/v1/auth/me answered ${response.status})`);
  return principal.data;
}

/** Aborts unless the credential holds `role` over `scope` (roles compose: a duty officer also reads). */
function requireGrant(principal: PrincipalView, variable: string, role: AccessRole, scope: string): void {
  if (!effectiveRoles(principal.roles).has(role)) abort(`-e ${variable}: ${principal.name} holds ${principal.roles.join(', ')}; this script needs ${role}`);
  if (!isWithinGrants(principal.scopes, scope)) abort(`-e ${variable}: ${principal.name} covers ${principal.scopes.join(', ')}; this script needs ${scope}`);
}

/** For setup(): the ingest key is given and may post reports and ticket events anywhere in `scope`. */
export function requireIngestKey(scope: string): void {
  if (INGEST_KEY === '') abort(`-e INGEST_KEY=… is required: an ingest key of ${scope} (${HOW_TO_GET_ONE})`);
  requireGrant(principalOf(INGEST_KEY, 'INGEST_KEY'), 'INGEST_KEY', 'ingest', scope);
}

/** Headers of a request made as the ingest key (a source system). */
export function ingestHeaders(): Record<string, string> {
  return bearer(INGEST_KEY);
}

function signIn(): { accessToken: string; expiresAtMs: number } {
  const response = http.post(`${BASE_URL}/api/v1/auth/login`, JSON.stringify({ username: USERNAME, password: PASSWORD }), {
    headers: { 'content-type': 'application/json' },
    tags: { name: 'POST /api/v1/auth/login' },
  });
  const tokens = sessionTokensSchema.safeParse(jsonOf(response));
  if (response.status !== 200 || !tokens.success) abort(`-e USERNAME=${USERNAME}: signing in answered ${response.status}; check -e PASSWORD`);
  return { accessToken: tokens.data.accessToken, expiresAtMs: Date.now() + tokens.data.expiresIn * 1_000 };
}

/**
 * For setup(): a user holding `role` over `scope`, from `ACCESS_TOKEN` or by signing in with `USERNAME`/`PASSWORD`.
 * An access token alone cannot be renewed, so the run (`runSeconds`, graceful stop included) must end before it
 * expires.
 */
export function signInUser(role: AccessRole, scope: string, runSeconds: number): UserSession {
  if (ACCESS_TOKEN !== '') {
    const principal = principalOf(ACCESS_TOKEN, 'ACCESS_TOKEN');
    requireGrant(principal, 'ACCESS_TOKEN', role, scope);
    const expiresAtMs = principal.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(principal.expiresAt);
    if (expiresAtMs < Date.now() + runSeconds * 1_000) {
      abort(`-e ACCESS_TOKEN expires at ${principal.expiresAt}, before this run ends (${Math.ceil(runSeconds / 60)} min); pass -e USERNAME and -e PASSWORD instead (each VU then signs in again before its token expires), or a shorter DURATION`);
    }
    return { accessToken: ACCESS_TOKEN, expiresAtMs, renewable: false };
  }
  if (USERNAME === '') abort(`-e ACCESS_TOKEN=…, or -e USERNAME=… and -e PASSWORD=…, is required: a ${role} of ${scope} (${HOW_TO_GET_ONE})`);
  // k6 passes the shell's variables through, and some shells set USERNAME: say so when it comes without a password.
  if (PASSWORD === '') abort(`-e USERNAME=${USERNAME} needs -e PASSWORD=… (if USERNAME came from your shell, pass -e ACCESS_TOKEN or your own -e USERNAME)`);
  const session = signIn();
  requireGrant(principalOf(session.accessToken, 'USERNAME'), 'USERNAME', role, scope);
  return { ...session, renewable: true };
}

/** This VU's own session once it had to sign in again; each VU has its own module state. */
let renewed: UserSession | null = null;

/**
 * The access token of `session` (setup()'s data) for this VU, signing it in again when the token would expire within
 * a minute, or within `neededForMs` (a socket held that long, which the server closes when its token expires).
 */
export function userToken(session: UserSession, neededForMs = 0): string {
  const current = renewed ?? session;
  if (!current.renewable || Date.now() < current.expiresAtMs - Math.max(RENEW_BEFORE_MS, neededForMs)) return current.accessToken;
  renewed = { ...signIn(), renewable: true };
  return renewed.accessToken;
}

/** Headers of a request made as the user of `session`. */
export function userHeaders(session: UserSession): Record<string, string> {
  return bearer(userToken(session));
}

/** For setup(): the walls' display tokens, each checked to read `scope`. */
export function requireDisplayTokens(scope: string): string[] {
  DISPLAY_TOKENS.forEach((token, index) => requireGrant(principalOf(token, `DISPLAY_TOKEN (#${index + 1})`), `DISPLAY_TOKEN (#${index + 1})`, 'leader', scope));
  return DISPLAY_TOKENS;
}

/** Whether walls have display tokens of their own; without, they read as the user. */
export const hasDisplayTokens = DISPLAY_TOKENS.length > 0;
