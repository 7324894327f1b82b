/**
 * The bench's credentials, made through the API as an operator would before it measures anything: the first admin
 * (created by the server from ADMIN_BOOTSTRAP_PASSWORD) signs in and creates an ingest key of the district (every
 * report and ticket event), a duty officer of the district (every read, alert action and console socket) and a
 * display token of the district (the walls' sockets).
 */
import { setInterval } from 'node:timers';
import { displayTokenCreatedSchema, ingestKeyCreatedSchema, sessionTokensSchema, userViewSchema, type SessionTokens } from '@grid-command/contracts';
import { BOOTSTRAP_ADMIN_USERNAME, newBootstrapPassword, requestJson } from '@grid-command/server-harness';
import type { Bearer, KeepAliveClient } from './http-client';

export interface BenchCredentials {
  readonly ingestKey: string;
  /** The duty officer's current access token, renewed before it expires. */
  readonly officer: Bearer;
  readonly displayToken: string;
  /** Stops renewing the officer's token. */
  close(): void;
}

const OFFICER = 'bench-duty';

async function signIn(baseUrl: string, username: string, password: string): Promise<SessionTokens> {
  return sessionTokensSchema.parse(await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username, password } }));
}

/**
 * Keeps a session's access token fresh: refreshes (rotating the refresh token) at four fifths of its life, so a
 * bench that runs longer than one token (a lagging pipeline, up to the watchdog) never sends an expired one.
 */
function keepFresh(baseUrl: string, first: SessionTokens, log: (line: string) => void): { bearer: Bearer; close(): void } {
  let tokens = first;
  const timer = setInterval(() => {
    requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: tokens.refreshToken } }).then(
      (answer) => {
        tokens = sessionTokensSchema.parse(answer);
      },
      (error: unknown) => log(`could not refresh ${OFFICER}'s token: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, first.expiresIn * 800);
  timer.unref();
  return { bearer: () => tokens.accessToken, close: () => clearInterval(timer) };
}

export async function createBenchCredentials(baseUrl: string, adminPassword: string, district: string, log: (line: string) => void): Promise<BenchCredentials> {
  const admin = (await signIn(baseUrl, BOOTSTRAP_ADMIN_USERNAME, adminPassword)).accessToken;
  const create = (path: string, body: unknown): Promise<unknown> => requestJson(baseUrl, { method: 'POST', path, bearer: admin, body });

  const key = ingestKeyCreatedSchema.parse(await create('/api/v1/ingest-keys', { name: 'bench 网格平台', scope: district }));
  const password = newBootstrapPassword();
  userViewSchema.parse(await create('/api/v1/users', { username: OFFICER, password, displayName: 'bench 值班员', roles: ['duty_officer'], scopes: [district] }));
  const display = displayTokenCreatedSchema.parse(await create('/api/v1/display-tokens', { name: 'bench 大屏', scope: district }));
  const officer = keepFresh(baseUrl, await signIn(baseUrl, OFFICER, password), log);
  return { ingestKey: key.key, officer: officer.bearer, displayToken: display.token, close: officer.close };
}

/** The bench's clients over one pool of connections, each request carrying the credential its route needs. */
export interface BenchClients {
  /** As the ingest key: reports and ticket events (a source system records its own events). */
  readonly ingest: KeepAliveClient;
  /** As the duty officer: snapshots, tickets, KPIs, alerts and alert actions. */
  readonly officer: KeepAliveClient;
  /** Socket handshakes: a duty console's (the officer's token, read at connect time) and a wall's. */
  readonly consoleToken: Bearer;
  readonly wallToken: string;
}

export function benchClients(client: KeepAliveClient, credentials: BenchCredentials): BenchClients {
  return {
    ingest: client.as(() => credentials.ingestKey),
    officer: client.as(credentials.officer),
    consoleToken: credentials.officer,
    wallToken: credentials.displayToken,
  };
}
