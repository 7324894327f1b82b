import { DOCUMENT, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { sessionTokensSchema, type PrincipalView, type SessionTokens } from '@grid-command/contracts';
import { ApiRequestError } from '../data/api-request.error';
import { HttpTransport } from '../data/http-transport.service';
import { CredentialStore, type UserTokens } from './credential-store';
import { takeDisplayToken } from './display-token-address';

/** Whether this page may run on a wall's display token (the wall) or needs a logged-in user (the console). */
export const ACCEPTS_DISPLAY_TOKEN = new InjectionToken<boolean>('ACCEPTS_DISPLAY_TOKEN', { providedIn: 'root', factory: () => false });

/** Why the page has no usable credential any more: the user logged out, or the server refused the one it had. */
export type SessionEnd = 'signed_out' | 'unauthenticated' | 'token_expired' | 'token_revoked';

export type Credential = { readonly kind: 'user'; readonly tokens: UserTokens } | { readonly kind: 'display'; readonly token: string };

/**
 * The page's credential and who it belongs to. A wall prefers a display token (taken from its address once, see
 * `takeDisplayToken`) and otherwise runs on a logged-in user's session, like the console. Access tokens are renewed
 * with the refresh token when the server says they expired — one renewal at a time, whoever asks — and the credential
 * is dropped for good when the server refuses it otherwise (`end`), which the page shows as login or 已吊销.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly transport = inject(HttpTransport);
  private readonly store = inject(CredentialStore);
  private readonly acceptsDisplayToken = inject(ACCEPTS_DISPLAY_TOKEN);
  private readonly userSignal = signal<UserTokens | null>(this.store.readUser());
  private readonly displaySignal = signal<string | null>(this.acceptsDisplayToken ? this.adoptDisplayToken() : null);
  private readonly principalSignal = signal<PrincipalView | null>(null);
  private readonly endedSignal = signal<SessionEnd | null>(null);
  private renewal: Promise<boolean> | null = null;

  /** The credential requests are sent with; null before login and after the session ended. */
  readonly credential = computed<Credential | null>(() => {
    const display = this.displaySignal();
    if (display !== null) return { kind: 'display', token: display };
    const tokens = this.userSignal();
    return tokens === null ? null : { kind: 'user', tokens };
  });
  /** Whether the page has a credential the server has not refused: false shows the login or the 未授权 state. */
  readonly active = computed(() => this.credential() !== null && this.endedSignal() === null);
  /** Who the credential belongs to (`GET /api/v1/auth/me`, or the login's answer); null until known. */
  readonly principal = this.principalSignal.asReadonly();
  /** Why the last credential was dropped; null while one is in use or none was ever held. */
  readonly ended = this.endedSignal.asReadonly();

  /** The bearer token of the next request or handshake. */
  bearer(): string | null {
    const credential = this.credential();
    if (credential === null) return null;
    return credential.kind === 'display' ? credential.token : credential.tokens.accessToken;
  }

  /** Rejects with the `ApiRequestError` of a refused login (401 wrong credentials, 429 locked with Retry-After). */
  async login(username: string, password: string): Promise<void> {
    const tokens = await this.transport.request('POST', '/api/v1/auth/login', { username, password }, sessionTokensSchema, null);
    this.adopt(tokens);
    const { user } = tokens;
    // As `GET /api/v1/auth/me` names a user: by username, the name the server records the user's actions under.
    this.principalSignal.set({
      kind: 'user',
      id: user.id,
      name: user.username,
      roles: user.roles,
      scopes: user.scopes,
      expiresAt: new Date(Date.now() + tokens.expiresIn * 1000).toISOString(),
    });
  }

  /** Revokes the session on the server and drops it here, whatever the server answered: a logged-out officer is out. */
  async logout(): Promise<void> {
    const tokens = this.userSignal();
    if (tokens !== null) {
      await this.transport.request('POST', '/api/v1/auth/logout', undefined, null, tokens.accessToken).catch(() => undefined);
    }
    this.endUser('signed_out');
  }

  /**
   * Renews an expired access token; resolves true once there is a new one. Concurrent callers share the one renewal
   * in flight: refresh tokens rotate, and a second use of the same one would revoke the whole session.
   */
  refresh(): Promise<boolean> {
    this.renewal ??= this.renew().finally(() => (this.renewal = null));
    return this.renewal;
  }

  /** The server refused the credential in use: drop it, and say why. */
  end(reason: SessionEnd): void {
    const credential = this.credential();
    if (credential === null) return;
    if (credential.kind === 'user') return this.endUser(reason);
    this.store.writeDisplayToken(null);
    this.displaySignal.set(null);
    this.principalSignal.set(null);
    this.endedSignal.set(reason);
  }

  setPrincipal(principal: PrincipalView): void {
    this.principalSignal.set(principal);
  }

  private async renew(): Promise<boolean> {
    const credential = this.credential();
    if (credential === null) return false;
    // A display token is not renewed: once expired, the wall needs a new one from the admin.
    if (credential.kind === 'display') {
      this.end('token_expired');
      return false;
    }
    const { tokens } = credential;
    try {
      this.adopt(await this.transport.request('POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }, sessionTokensSchema, null));
      return true;
    } catch (error) {
      // Refused (reused, revoked or past its life): the session is over. Unreachable: keep it and let the caller fail.
      if (error instanceof ApiRequestError && error.status === 401 && this.userSignal() === tokens) {
        this.endUser(error.body?.error === 'token_revoked' ? 'token_revoked' : 'token_expired');
      }
      return false;
    }
  }

  private adopt(tokens: SessionTokens): void {
    const stored: UserTokens = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    this.store.writeUser(stored);
    this.userSignal.set(stored);
    this.endedSignal.set(null);
  }

  private endUser(reason: SessionEnd): void {
    this.store.writeUser(null);
    this.userSignal.set(null);
    this.principalSignal.set(null);
    this.endedSignal.set(reason);
  }

  /** A display token in the address replaces the one stored; either way the address no longer shows it. */
  private adoptDisplayToken(): string | null {
    const window = inject(DOCUMENT).defaultView;
    const fromAddress = window === null ? null : takeDisplayToken(window);
    if (fromAddress !== null) this.store.writeDisplayToken(fromAddress);
    return fromAddress ?? this.store.readDisplayToken();
  }
}
