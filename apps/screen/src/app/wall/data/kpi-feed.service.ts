import { DestroyRef, ErrorHandler, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { describeIssues, kpiResponseSchema, type KpiResponse, type KpiWatchRequest, type SubscribeAck } from '@grid-command/contracts';
import { kpiQuery, type WallPeriod } from '../../shared/config/wall-params';
import { ApiClient } from '../../shared/data/api-client.service';
import { backoffDelay, type BackoffPolicy } from '../../shared/data/backoff';
import type { LiveSocket } from '../../shared/data/scoped-live-link';
import { HeartbeatWatch } from '../../shared/freshness/heartbeat-watch';
import { LiveSnapshotService } from './live-snapshot.service';

export interface KpiFeedState {
  /** The newest figures for the scope and period asked for; kept through outages, never shown for another scope. */
  readonly data: KpiResponse | null;
  /** The figures are not arriving: the socket is down, the watch was refused, or a heartbeat is overdue. */
  readonly lastFetchFailed: boolean;
}

const ACK_TIMEOUT_MS = 8000;
const REWATCH: BackoffPolicy = { initialMs: 1000, maxMs: 15_000 };
/** A server that does not announce its KPI heartbeat is held to twice the default one. */
const UNANNOUNCED_HEARTBEAT_MS = 60_000;
/** A heartbeat push is a KPI computation, which takes longer than a snapshot on a busy server. */
const COMPUTATION_ALLOWANCE_MS = 5_000;

/**
 * The wall's workflow KPIs (`kpis`), pushed over the wall's own socket (`LiveSnapshotService.carry`): watched at once
 * when the scope or period changes and again after every reconnection, then received when the server says they
 * changed, and at least every heartbeat it announced. No polling: while the socket cannot be had, one
 * `GET /api/v1/kpis` fills the panels, and they say they are out of date until pushes come again.
 */
@Injectable()
export class KpiFeedService {
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly live = inject(LiveSnapshotService);
  private readonly received = signal<{ readonly data: KpiResponse | null; readonly failed: boolean }>({ data: null, failed: false });
  private readonly linkDown = signal(false);
  private readonly heartbeat = new HeartbeatWatch(UNANNOUNCED_HEARTBEAT_MS);
  private socket: LiveSocket | null = null;
  private request: KpiWatchRequest | null = null;
  /** The request as `GET /api/v1/kpis` query, which also tells two requests apart. */
  private key = '';
  private watchFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The request the one REST fallback was spent on: never two for the same figures. */
  private fetchedOnce = '';

  readonly state = computed<KpiFeedState>(() => {
    const { data, failed } = this.received();
    // The snapshots' heartbeat is overdue: the socket that carries both is dead, although socket.io may not know yet.
    return { data, lastFetchFailed: failed || this.linkDown() || this.heartbeat.silent() || this.live.silent() };
  });

  constructor() {
    this.live.carry((socket) => this.ride(socket));
    // Once the socket speaks again after a silence, watch again: the server answers with the current figures at once
    // rather than at its next heartbeat.
    let wasSilent = false;
    effect(() => {
      const silent = this.live.silent();
      untracked(() => {
        if (wasSilent && !silent && this.socket?.connected) this.watch(this.socket);
        wasSilent = silent;
      });
    });
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.retryTimer);
      this.heartbeat.stop();
      this.request = null;
    });
  }

  /** Follows `scope` and `period` from now on; the figures of what was shown before are dropped at once. */
  start(scope: string, period: WallPeriod): void {
    const key = kpiQuery(scope, period);
    if (key === this.key) return;
    const previous = this.request;
    this.key = key;
    this.request = watchRequestOf(scope, period);
    this.received.set({ data: null, failed: false });
    this.heartbeat.reset();
    clearTimeout(this.retryTimer);
    this.watchFailures = 0;
    const socket = this.socket;
    if (socket?.connected) {
      if (previous) socket.emit('unwatchKpis', previous, () => undefined);
      this.watch(socket);
    } else if (this.linkDown()) {
      this.fetchOnce();
    }
  }

  private ride(socket: LiveSocket): void {
    this.socket = socket;
    socket.on('kpis', (raw) => this.receive(raw));
    socket.on('connect', () => {
      this.linkDown.set(false);
      this.watchFailures = 0;
      this.watch(socket);
    });
    socket.on('disconnect', () => {
      clearTimeout(this.retryTimer);
      this.linkDown.set(true);
      this.fetchOnce();
    });
    socket.on('connect_error', () => {
      this.linkDown.set(true);
      this.fetchOnce();
    });
    if (socket.connected) this.watch(socket);
  }

  private watch(socket: LiveSocket): void {
    clearTimeout(this.retryTimer);
    const request = this.request;
    if (request === null) return;
    // socket.io passes null for the error when the ack came in time, and no ack when it did not.
    socket.timeout(ACK_TIMEOUT_MS).emit('watchKpis', request, (timeout: Error | null, ack?: SubscribeAck) => {
      if (!socket.connected || request !== this.request) return;
      if (timeout === null && ack?.ok === true) {
        this.watchFailures = 0;
        this.heartbeat.expectEvery((ack.heartbeatMs ?? UNANNOUNCED_HEARTBEAT_MS) + COMPUTATION_ALLOWANCE_MS);
        return;
      }
      this.received.update((state) => ({ ...state, failed: true }));
      if (ack?.ok === false) this.errors.handleError(new Error(`KPI watch of ${request.scope} refused: ${ack.error}`));
      this.retryTimer = setTimeout(() => this.watch(socket), backoffDelay(this.watchFailures++, REWATCH));
    });
  }

  private receive(raw: unknown): void {
    const parsed = kpiResponseSchema.safeParse(raw);
    if (!parsed.success) {
      // Dropped rather than drawn: the heartbeat turns the panels stale if nothing valid follows.
      this.errors.handleError(new Error(`invalid KPIs dropped: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`));
      return;
    }
    const request = this.request;
    // A push of the scope or period shown before, sent before the server saw the unwatch.
    if (request === null || parsed.data.scope !== request.scope || parsed.data.period !== request.period) return;
    this.heartbeat.arrived();
    this.received.set({ data: parsed.data, failed: false });
  }

  /** The socket cannot be had: the figures once over REST (when none are shown), then nothing until it is back. */
  private fetchOnce(): void {
    const request = this.request;
    if (request === null || this.received().data !== null || this.fetchedOnce === this.key) return;
    this.fetchedOnce = this.key;
    void this.fetch(request, this.key);
  }

  private async fetch(request: KpiWatchRequest, key: string): Promise<void> {
    try {
      const data = await this.api.get(`/api/v1/kpis?${key}`, kpiResponseSchema);
      if (data.scope !== request.scope) throw new Error(`KPIs for ${data.scope} answered a request for ${request.scope}`);
      // A push that came meanwhile is newer than this answer.
      if (request === this.request && this.received().data === null) this.received.set({ data, failed: false });
    } catch (error) {
      if (request !== this.request) return;
      this.received.update((state) => ({ ...state, failed: true }));
      this.errors.handleError(error);
    }
  }
}

function watchRequestOf(scope: string, period: WallPeriod): KpiWatchRequest {
  return period.kind === 'custom' ? { scope, period: 'custom', from: period.from, to: period.to } : { scope, period: period.kind };
}
