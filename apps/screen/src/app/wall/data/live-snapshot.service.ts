import { DestroyRef, ErrorHandler, Injectable, inject, signal } from '@angular/core';
import { describeIssues, snapshotSchema, type Snapshot } from '@grid-command/contracts';
import { ScopedLiveLink, type LiveSocket } from '../../shared/data/scoped-live-link';
import { LayoutChangeFeed } from './layout-change-feed';
import { shouldReplace } from './snapshot-order';
import { SessionService } from '../../shared/auth/session.service';
import { HeartbeatWatch } from '../../shared/freshness/heartbeat-watch';

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
  private readonly snapshotSignal = signal<Snapshot | null>(null);
  private readonly heartbeat = new HeartbeatWatch(UNANNOUNCED_HEARTBEAT_MS);
  /** Other streams of the wall that ride this socket (its KPIs) rather than open one of their own. */
  private readonly riders: ((socket: LiveSocket) => void)[] = [];
  private socket: LiveSocket | null = null;
  private readonly layoutChanges = inject(LayoutChangeFeed);
  /** Whether a socket of this wall was connected before: the next connection is a reconnection. */
  private connectedBefore = false;
  private readonly link = new ScopedLiveLink(
    {
      join: 'subscribe',
      leave: 'unsubscribe',
      what: 'live subscription to',
      listen: (socket) => {
        socket.on('snapshot', (raw) => this.receive(raw, this.link.scope));
        this.socket = socket;
        for (const ride of this.riders) ride(socket);
        // The wall's one socket also carries the news that its layout file changed.
        socket.on('layoutChanged', (raw) => this.layoutChanges.receive(raw));
        socket.on('connect', () => {
          if (this.connectedBefore) this.layoutChanges.reconnected();
          this.connectedBefore = true;
        });
      },
      joined: (_scope, ack) => this.heartbeat.expectEvery(ack.heartbeatMs ?? UNANNOUNCED_HEARTBEAT_MS),
      // After the server itself closed the link, try again every 15 s.
      reconnectAfterMs: () => RECONNECT_AFTER_SERVER_CLOSE_MS,
    },
    this.errors,
    inject(SessionService),
  );

  /** The newest snapshot received; kept through outages so the wall can show it, marked out of date. */
  readonly snapshot = this.snapshotSignal.asReadonly();
  readonly connection = this.link.connection;
  /** No snapshot for longer than the server promised: the link is dead although socket.io may not know it yet. */
  readonly silent = this.heartbeat.silent;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.link.close();
      this.heartbeat.stop();
    });
  }

  /**
   * Puts another stream of the wall on this socket: `ride` gets the socket once it exists (at once if it does), to
   * add its listeners; it then follows the socket's own connect and disconnect events.
   */
  carry(ride: (socket: LiveSocket) => void): void {
    this.riders.push(ride);
    if (this.socket) ride(this.socket);
  }

  /**
   * Connects and subscribes to `scope`; once connected, moves the subscription to the new scope. The old scope's
   * numbers are dropped at once: a wall that says 新竹街道 must not show the district's figures while the first
   * snapshot of the street is on its way.
   */
  start(scope: string): void {
    if (this.link.scope !== '' && scope !== this.link.scope) {
      this.snapshotSignal.set(null);
      this.heartbeat.reset();
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
    if (parsed.data.scope === scope) this.heartbeat.arrived();
    if (shouldReplace(this.snapshotSignal(), parsed.data, scope)) this.snapshotSignal.set(parsed.data);
  }
}
