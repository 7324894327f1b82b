import { DestroyRef, ErrorHandler, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { kpiResponseSchema } from '@grid-command/contracts';
import { kpiQuery, type WallPeriod } from '../../shared/config/wall-params';
import { ApiClient } from '../../shared/data/api-client.service';
import type { KpiFeedService, KpiFeedState } from '../data/kpi-feed.service';
import { ReplayPacer } from './replay-pacer';
import { ReplaySession } from './replay-session.service';

/**
 * The workflow KPIs in a replay: `GET /api/v1/kpis?…&at=…` at the replay clock's time, paced like the snapshot.
 * Same face as KpiFeedService, which it stands in for.
 */
@Injectable()
export class ReplayKpiSource implements Pick<KpiFeedService, 'state' | 'start'> {
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly session = inject(ReplaySession);
  private readonly stateSignal = signal<KpiFeedState>({ data: null, lastFetchFailed: false });
  private key = '';
  private scope = '';
  private readonly pacer = new ReplayPacer((at) => this.fetchAt(this.key, at), () => this.session.read());

  readonly state = this.stateSignal.asReadonly();

  constructor() {
    effect(() => {
      this.session.moved();
      untracked(() => this.pacer.nudge());
    });
    inject(DestroyRef).onDestroy(() => this.pacer.stop());
  }

  start(scope: string, period: WallPeriod): void {
    const key = kpiQuery(scope, period);
    if (key === this.key) return;
    this.key = key;
    this.scope = scope;
    this.stateSignal.set({ data: null, lastFetchFailed: false });
    this.pacer.stop();
    this.pacer.start();
  }

  private async fetchAt(key: string, atMs: number): Promise<boolean> {
    const scope = this.scope;
    try {
      const data = await this.api.get(`/api/v1/kpis?${key}&at=${encodeURIComponent(new Date(atMs).toISOString())}`, kpiResponseSchema);
      if (key !== this.key) return false;
      if (data.scope !== scope) throw new Error(`KPIs for ${data.scope} answered a request for ${scope}`);
      this.stateSignal.set({ data, lastFetchFailed: false });
      return true;
    } catch (error) {
      if (key === this.key) this.stateSignal.update((state) => ({ ...state, lastFetchFailed: true }));
      this.errors.handleError(error);
      return false;
    }
  }
}
