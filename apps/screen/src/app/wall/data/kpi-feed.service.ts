import { DestroyRef, ErrorHandler, Injectable, inject, signal } from '@angular/core';
import { kpiResponseSchema, type KpiResponse } from '@grid-command/contracts';
import { kpiQuery, type WallPeriod } from '../../shared/config/wall-params';
import { ApiClient } from '../../shared/data/api-client.service';

export interface KpiFeedState {
  /** The newest figures for the scope and period asked for; kept through failed refreshes, never shown for another scope. */
  readonly data: KpiResponse | null;
  readonly lastFetchFailed: boolean;
}

/**
 * Polls `GET /api/v1/kpis` for the wall's scope and period: at once when either changes, then every
 * `refreshSeconds` after the previous answer (never two requests in flight for one wall).
 */
@Injectable()
export class KpiFeedService {
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly stateSignal = signal<KpiFeedState>({ data: null, lastFetchFailed: false });
  private key = '';
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshMs = 15_000;

  readonly state = this.stateSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      this.generation += 1;
    });
  }

  /** Follows `scope` and `period` from now on; the figures of what was shown before are dropped at once. */
  start(scope: string, period: WallPeriod, refreshSeconds: number): void {
    this.refreshMs = refreshSeconds * 1000;
    const query = kpiQuery(scope, period);
    if (query === this.key) return;
    this.key = query;
    this.stateSignal.set({ data: null, lastFetchFailed: false });
    this.fetch(++this.generation, scope, query);
  }

  private fetch(generation: number, scope: string, query: string): void {
    clearTimeout(this.timer);
    void this.fetchOnce(generation, scope, query).finally(() => {
      if (generation === this.generation) this.timer = setTimeout(() => this.fetch(generation, scope, query), this.refreshMs);
    });
  }

  private async fetchOnce(generation: number, scope: string, query: string): Promise<void> {
    try {
      const data = await this.api.get(`/api/v1/kpis?${query}`, kpiResponseSchema);
      if (data.scope !== scope) throw new Error(`KPIs for ${data.scope} answered a request for ${scope}`);
      if (generation === this.generation) this.stateSignal.set({ data, lastFetchFailed: false });
    } catch (error) {
      if (generation !== this.generation) return;
      // The figures already shown stay, marked stale by the panels; the next refresh tries again.
      this.stateSignal.update((state) => ({ ...state, lastFetchFailed: true }));
      this.errors.handleError(error);
    }
  }
}
