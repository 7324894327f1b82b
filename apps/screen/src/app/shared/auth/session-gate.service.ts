import { DestroyRef, ErrorHandler, Injectable, computed, effect, inject, untracked } from '@angular/core';
import { principalViewSchema } from '@grid-command/contracts';
import { ApiClient } from '../data/api-client.service';
import { ApiRequestError } from '../data/api-request.error';
import { backoffDelay } from '../data/backoff';
import { SessionService } from './session.service';

/** What the page may show: its login (or 未授权), a wait while the server says who the credential is, or itself. */
export type SessionGateState = 'signed_out' | 'checking' | 'ready';

/**
 * Lets a page through once its credential is known to the server: asks `GET /api/v1/auth/me` for a credential
 * restored from storage or taken from the address (a fresh login already says who it is), retrying while the server
 * is unreachable. `check` asks again at any time; a refused credential ends the session on the way (`ApiClient`).
 */
@Injectable({ providedIn: 'root' })
export class SessionGate {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionService);
  private readonly errors = inject(ErrorHandler);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;

  readonly state = computed<SessionGateState>(() => {
    if (!this.session.active()) return 'signed_out';
    return this.session.principal() === null ? 'checking' : 'ready';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.retryTimer));
    effect(() => {
      if (this.state() === 'checking') untracked(() => void this.check());
    });
  }

  /** Who the page's credential is, now; resolves false when the server could not say (unreachable, refused). */
  async check(): Promise<boolean> {
    const bearer = this.session.bearer();
    if (bearer === null) return false;
    clearTimeout(this.retryTimer);
    try {
      const principal = await this.api.get('/api/v1/auth/me', principalViewSchema);
      this.failures = 0;
      if (this.session.active() && this.session.bearer() !== null) this.session.setPrincipal(principal);
      return true;
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.status === 401)) {
        if (this.session.principal() === null) {
          this.errors.handleError(error);
          this.retryTimer = setTimeout(() => void this.check(), backoffDelay(this.failures++));
        }
      }
      return false;
    }
  }
}
