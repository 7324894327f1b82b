import { DestroyRef, ErrorHandler, Injectable, computed, inject, signal } from '@angular/core';
import { describeIssues, snapshotSchema, type Snapshot } from '@grid-command/contracts';
import { ScopedLiveLink } from '../../shared/data/scoped-live-link';
import { shouldReplace } from './snapshot-order';
import { SessionService } from '../../shared/auth/session.service';
import type { Heartbeat } from '../../shared/freshness/freshness';
import { WallClock } from '../../shared/time/wall-clock.service';

const RECONNECT_AFTER_SERVER_CLOSE_MS = 15_000;
/** A server that does not announce its heartbeat is held to the longest default one ever had. */
const UNANNOUNCED_HEARTBEAT_MS = 15_000;

/**
 * The scope's live snapshot over socket.io, on a link that rejoins by itself (see ScopedLiveLink). A drill-down
 * moves the subscription on the same connection.
 */
@Injectable()
export class LiveSnapshotService {
  private readonly errors = inject(ErrorHandler);
  private readonly clock = inject(WallClock);
  private readonly snapshotSignal = signal<Snapshot | null>(null);
  private readonly arrivedAtSignal = signal<number | null>(null);
  private readonly heartbeatMsSignal = signal(UNANNOUNCED_HEARTBEAT_MS);
  private readonly link = new ScopedLiveLink(
    {
      join: 'subscribe',
      leave: 'unsubscribe',
      what: 'live subscription to',
      listen: (socket) => socket.on('snapshot', (raw) => this.receive(raw, this.link.scope)),
      joined: (_scope, ack) => this.heartbeatMsSignal.set(ack.heartbeatMs ?? UNANNOUNCED_HEARTBEAT_MS),
      // After the server itself closed the link, try again every 15 s.
      reconnectAfterMs: () => RECONNECT_AFTER_SERVER_CLOSE_MS,
    },
    this.errors,
    inject(SessionService),
  );

  /** The newest snapshot received; kept through outages so the wall can show it, marked out of date. */
  readonly snapshot = this.snapshotSignal.asReadonly();
  readonly connection = this.link.connection;
  /** When the last snapshot of the scope arrived, and how often the server promised one: silence shows a dead link. */
  readonly heartbeat = computed<Heartbeat>(() => ({ arrivedAtMs: this.arrivedAtSignal(), everyMs: this.heartbeatMsSignal() }));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.link.close());
  }

  /**
   * Connects and subscribes to `scope`; once connected, moves the subscription to the new scope. The old scope's
   * numbers are dropped at once: a wall that says 新竹街道 must not show the district's figures while the first
   * snapshot of the street is on its way.
   */
  start(scope: string): void {
    if (this.link.scope !== '' && scope !== this.link.scope) {
      this.snapshotSignal.set(null);
      this.arrivedAtSignal.set(null);
    }
    this.link.start(scope);
  }

  private receive(raw: unknown, scope: string): void {
    const parsed = snapshotSchema.safeParse(raw);
    if (!parsed.success) {
      // Dropped rather than drawn: the freshness indicator turns stale if nothing valid follows.
      this.errors.handleError(new Error(`invalid snapshot dropped: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`));
      return;
    }
    if (parsed.data.scope === scope) this.arrivedAtSignal.set(this.clock.read());
    if (shouldReplace(this.snapshotSignal(), parsed.data, scope)) this.snapshotSignal.set(parsed.data);
  }
}
