import { DestroyRef, ErrorHandler, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { snapshotSchema, type Snapshot } from '@grid-command/contracts';
import { ApiClient } from '../../shared/data/api-client.service';
import type { ConnectionState } from '../../shared/freshness/freshness';
import type { LiveSnapshotService } from '../data/live-snapshot.service';
import { ReplayPacer } from './replay-pacer';
import { ReplaySession } from './replay-session.service';

/**
 * The wall's snapshot in a replay: `GET /api/v1/snapshot?scope=…&at=…` at the replay clock's time, paced (one
 * request a second at most, never two at once). Same face as LiveSnapshotService, which it stands in for: no live
 * socket is opened. `connection` says whether the last request was answered.
 */
@Injectable()
export class ReplaySnapshotSource implements Pick<LiveSnapshotService, 'snapshot' | 'connection' | 'silent' | 'start'> {
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly session = inject(ReplaySession);
  private readonly snapshotSignal = signal<Snapshot | null>(null);
  private readonly connectionSignal = signal<ConnectionState>('connecting');
  private scope = '';
  private readonly pacer = new ReplayPacer((at) => this.fetchAt(this.scope, at), () => this.session.read());

  readonly snapshot = this.snapshotSignal.asReadonly();
  readonly connection = this.connectionSignal.asReadonly();
  /** A replay has no heartbeat to miss. */
  readonly silent = signal(false).asReadonly();

  constructor() {
    effect(() => {
      this.session.moved();
      untracked(() => this.pacer.nudge());
    });
    inject(DestroyRef).onDestroy(() => this.pacer.stop());
  }

  start(scope: string): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.snapshotSignal.set(null);
    this.pacer.stop();
    this.pacer.start();
  }

  private async fetchAt(scope: string, atMs: number): Promise<boolean> {
    try {
      const query = new URLSearchParams({ scope, at: new Date(atMs).toISOString() });
      const snapshot = await this.api.get(`/api/v1/snapshot?${query.toString()}`, snapshotSchema);
      if (scope !== this.scope) return false;
      this.snapshotSignal.set(snapshot);
      this.connectionSignal.set('live');
      return true;
    } catch (error) {
      this.connectionSignal.set('disconnected');
      this.errors.handleError(error);
      return false;
    }
  }
}
