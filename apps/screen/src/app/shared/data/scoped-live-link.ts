import { signal, type ErrorHandler } from '@angular/core';
import {
  LIVE_NAMESPACE,
  type LiveAuthEnded,
  type LiveClientToServerEvents,
  type LiveHandshakeAuth,
  type LiveServerToClientEvents,
  type SubscribeAck,
} from '@grid-command/contracts';
import { io, type Socket } from 'socket.io-client';
import type { ConnectionState } from '../freshness/freshness';
import type { SessionEnd } from '../auth/session.service';
import { backoffDelay, type BackoffPolicy } from './backoff';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;
export type AcceptedJoin = Extract<SubscribeAck, { ok: true }>;

const ACK_TIMEOUT_MS = 8000;
const REJOIN: BackoffPolicy = { initialMs: 1000, maxMs: 15_000 };

export interface ScopedLiveLinkOptions {
  /** The message that starts a scope's stream, and the one that stops it. */
  readonly join: 'subscribe' | 'watchAlerts';
  readonly leave: 'unsubscribe' | 'unwatchAlerts';
  /** What a join is, for error messages: "live subscription to", "alert watch of". */
  readonly what: string;
  /** Puts the stream's own listeners on the socket. */
  readonly listen: (socket: LiveSocket) => void;
  /** Called each time the server acknowledged the scope: after every (re)connection and every change of scope. */
  readonly joined: (scope: string, ack: AcceptedJoin) => void;
  /** How long to wait before reconnecting a link the server itself closed, by attempt. */
  readonly reconnectAfterMs: (attempt: number) => number;
}

/** What the link needs of the page's session (`SessionService` is one). */
export interface LiveCredential {
  /** The token of the next handshake: read again on every (re)connection. */
  bearer(): string | null;
  /** Renews an expired token; true once there is a new one to connect with. */
  refresh(): Promise<boolean>;
  /** The server refused the token for good. */
  end(reason: SessionEnd): void;
}

/**
 * One socket.io link to `/live` streaming one scope at a time. Socket.io reconnects by itself; this joins the scope
 * again after every (re)connection, retries a join that timed out or was refused, and reconnects when the server
 * itself closed the link (socket.io leaves that to the client). The handshake carries the page's current token; an
 * expired one is renewed and the link connected again at once, a revoked or unknown one ends the session.
 */
export class ScopedLiveLink {
  private readonly connectionSignal = signal<ConnectionState>('connecting');
  private socket: LiveSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private joinFailures = 0;
  private reconnects = 0;
  private current = '';
  /** The server refused the credential: no reconnection until it is renewed (or ever, once revoked). */
  private authEnded = false;

  readonly connection = this.connectionSignal.asReadonly();

  constructor(
    private readonly options: ScopedLiveLinkOptions,
    private readonly errors: ErrorHandler,
    private readonly credential: LiveCredential,
  ) {}

  /** The scope streamed (or about to be). */
  get scope(): string {
    return this.current;
  }

  /** Connects and joins `scope`; once connected, leaves the old scope and joins the new one on the same link. */
  start(scope: string): void {
    if (this.socket === null) {
      this.current = scope;
      this.connect();
      return;
    }
    if (scope === this.current) return;
    const previous = this.current;
    this.current = scope;
    clearTimeout(this.retryTimer);
    this.joinFailures = 0;
    if (!this.socket.connected) return; // the next 'connect' joins the new scope
    this.connectionSignal.set('connecting');
    this.socket.emit(this.options.leave, { scope: previous }, () => undefined);
    this.join(this.socket);
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private connect(): void {
    const socket: LiveSocket = io(LIVE_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      // The callback form is read on every attempt, so a reconnection after a renewal sends the new token.
      auth: (send: (auth: LiveHandshakeAuth) => void) => send({ token: this.credential.bearer() ?? '' }),
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.reconnects = 0;
      this.joinFailures = 0;
      this.connectionSignal.set('connecting');
      this.join(socket);
    });
    socket.on('connect_error', (error) => {
      this.connectionSignal.set('disconnected');
      if (this.refusedFor(error.message, socket)) return;
      // An error the server raised on purpose stops socket.io's own retries.
      if (!socket.active) this.reconnectLater(socket);
    });
    // Sent just before the server closes the link: the disconnect that follows must not wait for the usual retry.
    socket.on('authExpired', (notice: LiveAuthEnded) => this.refusedFor(notice.reason, socket));
    socket.on('authRevoked', (notice: LiveAuthEnded) => this.refusedFor(notice.reason, socket));
    socket.on('disconnect', (reason) => {
      clearTimeout(this.retryTimer);
      this.connectionSignal.set('disconnected');
      if (reason === 'io server disconnect' && !this.authEnded) this.reconnectLater(socket);
    });
    this.options.listen(socket);
  }

  /**
   * Handles a refusal of the credential: an expired token is renewed and the link connected again with the new one,
   * a revoked or unknown one ends the session (the page then shows its login or 已吊销). False for anything else.
   */
  private refusedFor(reason: string, socket: LiveSocket): boolean {
    if (reason === 'token_expired') {
      this.authEnded = true;
      void this.credential.refresh().then((renewed) => {
        this.authEnded = false;
        if (this.socket !== socket) return;
        clearTimeout(this.retryTimer);
        if (renewed) socket.disconnect().connect();
        // Neither renewed nor refused (the server was out of reach): try again as after any other refusal.
        else if (this.credential.bearer() !== null) this.reconnectLater(socket);
      });
      return true;
    }
    if (reason === 'token_revoked' || reason === 'unauthenticated') {
      this.authEnded = true;
      this.credential.end(reason);
      return true;
    }
    return false;
  }

  private reconnectLater(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => socket.connect(), this.options.reconnectAfterMs(this.reconnects++));
  }

  private join(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    const scope = this.current;
    // socket.io passes null for the error when the ack came in time, and no ack when it did not.
    socket.timeout(ACK_TIMEOUT_MS).emit(this.options.join, { scope }, (timeout: Error | null, ack?: SubscribeAck) => {
      // Not connected any more, or moved to another scope meanwhile: this answer is for nobody.
      if (!socket.connected || scope !== this.current) return;
      if (timeout === null && ack?.ok === true) {
        this.joinFailures = 0;
        this.connectionSignal.set('live');
        this.options.joined(scope, ack);
        return;
      }
      if (ack?.ok === false) {
        this.connectionSignal.set('rejected');
        this.errors.handleError(new Error(`${this.options.what} ${scope} refused: ${ack.error}`));
      }
      this.retryTimer = setTimeout(() => this.join(socket), backoffDelay(this.joinFailures++, REJOIN));
    });
  }
}
