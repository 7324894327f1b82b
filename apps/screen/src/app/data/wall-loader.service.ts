import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { dashboardSchema, scopeDetailSchema, scopeIdSchema, type Dashboard, type ScopeDetail } from '@grid-command/contracts';
import { WALL_PARAMS } from '../config/wall-params.token';
import { WallClock } from '../time/wall-clock.service';
import { ApiClient } from './api-client.service';
import { backoffDelay } from './backoff';

export type WallState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string; readonly retryAtMs: number }
  | { readonly status: 'ready'; readonly dashboard: Dashboard; readonly scope: ScopeDetail };

/** Loads the wall's layout and scope, and keeps retrying with back-off until both arrive. */
@Injectable()
export class WallLoader {
  private readonly api = inject(ApiClient);
  private readonly clock = inject(WallClock);
  private readonly params = inject(WALL_PARAMS);
  private readonly stateSignal = signal<WallState>({ status: 'loading' });
  private failures = 0;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  readonly state = this.stateSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.retryTimer);
      // Answers that arrive after teardown belong to no attempt.
      this.attempt += 1;
    });
  }

  /** Starts a load now, dropping any scheduled retry. */
  load(): void {
    clearTimeout(this.retryTimer);
    const attempt = ++this.attempt;
    this.stateSignal.set({ status: 'loading' });
    this.fetchWall().then(
      (ready) => {
        if (attempt !== this.attempt) return;
        this.failures = 0;
        this.stateSignal.set(ready);
      },
      (error: unknown) => {
        if (attempt !== this.attempt) return;
        const delay = backoffDelay(this.failures++);
        this.stateSignal.set({ status: 'error', message: error instanceof Error ? error.message : String(error), retryAtMs: this.clock.now() + delay });
        this.retryTimer = setTimeout(() => this.load(), delay);
      },
    );
  }

  private async fetchWall(): Promise<Extract<WallState, { status: 'ready' }>> {
    const dashboard = await this.api.get(`/api/v1/dashboards/${encodeURIComponent(this.params.wall)}`, dashboardSchema);
    const requested = this.params.scope ?? dashboard.scope;
    const scopeId = scopeIdSchema.safeParse(requested);
    if (!scopeId.success) throw new Error(`scope "${requested}": ${scopeId.error.issues[0]?.message ?? 'invalid'}`);
    // A checked scope id is URL-safe as it stands: letters, digits and one colon.
    const scope = await this.api.get(`/api/v1/scopes/${scopeId.data}`, scopeDetailSchema);
    return { status: 'ready', dashboard, scope };
  }
}
