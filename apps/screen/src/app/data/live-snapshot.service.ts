import { DestroyRef, ErrorHandler, Injectable, inject, signal } from '@angular/core';
import {
  describeIssues,
  LIVE_NAMESPACE,
  snapshotSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type Snapshot,
  type SubscribeAck,
} from '@grid-command/contracts';
import { io, type Socket } from 'socket.io-client';
import type { ConnectionState } from '../freshness/freshness';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { shouldReplace } from './snapshot-order';

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

const ACK_TIMEOUT_MS = 8000;
const RESUBSCRIBE: BackoffPolicy = { initialMs: 1000, maxMs: 15_000 };

/**
 * The scope's live snapshot over socket.io. Socket.io reconnects by itself; this subscribes again after every
 * (re)connection, retries a subscription that timed out or was refused, and reconnects when the server itself
 * closed the link (socket.io leaves that to the client).
 */
@Injectable()
export class LiveSnapshotService {
  private readonly errors = inject(ErrorHandler);
  private readonly snapshotSignal = signal<Snapshot | null>(null);
  private readonly connectionSignal = signal<ConnectionState>('connecting');
  private socket: LiveSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribeFailures = 0;
  /** The scope subscribed to; changed in place by a drill-down, on the same connection. */
  private scope = '';

  /** The newest snapshot received; kept through outages so the wall can show it, marked out of date. */
  readonly snapshot = this.snapshotSignal.asReadonly();
  readonly connection = this.connectionSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.retryTimer);
      this.socket?.removeAllListeners();
      this.socket?.disconnect();
      this.socket = null;
    });
  }

  /** Connects and subscribes to `scope`; once connected, moves the subscription to the new scope instead. */
  start(scope: string): void {
    if (this.socket !== null) {
      this.switchTo(this.socket, scope);
      return;
    }
    this.scope = scope;
    const socket: LiveSocket = io(LIVE_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.connectionSignal.set('connecting');
      this.subscribeFailures = 0;
      this.subscribe(socket, this.scope);
    });
    socket.on('connect_error', () => {
      this.connectionSignal.set('disconnected');
      // An error the server raised on purpose stops socket.io's own retries.
      if (!socket.active) this.reconnectLater(socket);
    });
    socket.on('disconnect', (reason) => {
      clearTimeout(this.retryTimer);
      this.connectionSignal.set('disconnected');
      if (reason === 'io server disconnect') this.reconnectLater(socket);
    });
    socket.on('snapshot', (raw) => this.receive(raw, this.scope));
  }

  /**
   * Leaves the old scope and subscribes to the new one. The old scope's numbers are dropped at once: a wall
   * that says 新竹街道 must not show the district's figures while the first snapshot of the street is on its way.
   */
  private switchTo(socket: LiveSocket, scope: string): void {
    if (scope === this.scope) return;
    const previous = this.scope;
    this.scope = scope;
    this.snapshotSignal.set(null);
    clearTimeout(this.retryTimer);
    this.subscribeFailures = 0;
    if (!socket.connected) return; // the next 'connect' subscribes to the new scope
    this.connectionSignal.set('connecting');
    socket.emit('unsubscribe', { scope: previous }, () => undefined);
    this.subscribe(socket, scope);
  }

  private subscribe(socket: LiveSocket, scope: string): void {
    clearTimeout(this.retryTimer);
    // socket.io passes null for the error when the ack came in time, and no ack when it did not.
    socket.timeout(ACK_TIMEOUT_MS).emit('subscribe', { scope }, (timeout: Error | null, ack?: SubscribeAck) => {
      // Not connected any more, or the wall moved to another scope meanwhile: this answer is for nobody.
      if (!socket.connected || scope !== this.scope) return;
      if (timeout === null && ack?.ok === true) {
        this.subscribeFailures = 0;
        this.connectionSignal.set('live');
        return;
      }
      if (ack?.ok === false) {
        this.connectionSignal.set('rejected');
        this.errors.handleError(new Error(`live subscription to ${scope} refused: ${ack.error}`));
      }
      this.retryTimer = setTimeout(() => this.subscribe(socket, scope), backoffDelay(this.subscribeFailures++, RESUBSCRIBE));
    });
  }

  private reconnectLater(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => socket.connect(), RESUBSCRIBE.maxMs);
  }

  private receive(raw: unknown, scope: string): void {
    const parsed = snapshotSchema.safeParse(raw);
    if (!parsed.success) {
      // Dropped rather than drawn: the freshness indicator turns stale if nothing valid follows.
      this.errors.handleError(new Error(`invalid snapshot dropped: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`));
      return;
    }
    if (shouldReplace(this.snapshotSignal(), parsed.data, scope)) this.snapshotSignal.set(parsed.data);
  }
}
