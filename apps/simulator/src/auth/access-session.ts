import { apiErrorSchema, sessionTokensSchema, type SessionTokens } from '@grid-command/contracts';
import type { BearerSource } from './bearer';

export interface SessionDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
}

/** Renew this long before the access token runs out, so a request in flight never carries an expired one. */
const RENEW_BEFORE_MS = 60_000;
const TIMEOUT_MS = 10_000;

/**
 * A user signed in for as long as the simulator runs: `POST /api/v1/auth/login` once, then
 * `POST /api/v1/auth/refresh` before each access token expires (the refresh token rotates, and only this process
 * holds it). A refused refresh (revoked, expired) signs in again with the password. `start` throws with the
 * server's reason when the credentials are refused, so a wrong password stops the run before it begins.
 */
export class AccessSession {
  private tokens: SessionTokens | null = null;
  private expiresAtMs = 0;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly baseUrl: string,
    readonly username: string,
    private readonly password: string,
    private readonly deps: SessionDeps = { fetch: (input, init) => fetch(input, init), now: Date.now },
  ) {}

  async start(): Promise<SessionTokens> {
    await this.login();
    return this.tokens as SessionTokens;
  }

  readonly bearer: BearerSource = async () => {
    if (this.tokens === null || this.deps.now() >= this.expiresAtMs - RENEW_BEFORE_MS) {
      this.renewing ??= this.renew().finally(() => {
        this.renewing = null;
      });
      await this.renewing;
    }
    return (this.tokens as SessionTokens).accessToken;
  };

  private async renew(): Promise<void> {
    if (this.tokens === null) return this.login();
    try {
      this.keep(await this.exchange('/api/v1/auth/refresh', { refreshToken: this.tokens.refreshToken }));
    } catch {
      await this.login();
    }
  }

  private async login(): Promise<void> {
    this.keep(await this.exchange('/api/v1/auth/login', { username: this.username, password: this.password }));
  }

  private keep(tokens: SessionTokens): void {
    this.tokens = tokens;
    this.expiresAtMs = this.deps.now() + tokens.expiresIn * 1_000;
  }

  private async exchange(path: string, body: unknown): Promise<SessionTokens> {
    const response = await this.deps.fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer: unknown = await response.json().catch(() => null);
    if (response.ok) return sessionTokensSchema.parse(answer);
    const error = apiErrorSchema.safeParse(answer);
    throw new Error(`${path} as ${this.username}: ${response.status} ${error.success ? `${error.data.error}: ${error.data.message}` : response.statusText}`);
  }
}
