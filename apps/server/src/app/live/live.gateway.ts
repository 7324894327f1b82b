import {
  alertRoomOf,
  isKpiRoom,
  isSnapshotRoom,
  issueField,
  kpiRoomOf,
  kpiWatchRequestSchema,
  LIVE_NAMESPACE,
  subscribeRequestSchema,
  type KpiWatchRequest,
  type ScopeSummary,
  type SubscribeAck,
} from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { resolveScope } from '../common/scope-resolver';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';
import { AlertPush } from './alert-push.service';
import { KpiPublisher } from './kpi-publisher.service';
import { LayoutPush } from './layout-push.service';
import { gateEvents } from './live-event-gate';
import { LiveHandshake } from './live-handshake.service';
import type { LiveNamespace, LiveSocket } from './live-namespace';
import { LivePublisher } from './live-publisher.service';
import { LiveSessions } from './live-sessions.service';
import { ScreenRegistrar } from './screen-registrar.service';

/** A screen rarely watches more than a few scopes; the cap bounds what one client can make the server compute. */
const MAX_SCOPES_PER_SOCKET = 20;
/** A wall watches one scope's KPIs over one period; a few more for a drill-down in flight. Each room is a computation. */
const MAX_KPI_ROOMS_PER_SOCKET = 4;

type Refusal = Extract<SubscribeAck, { ok: false }>;

/**
 * `/live`: a socket is admitted at the handshake (`LiveHandshake`), every event it emits is gated (`gateEvents`:
 * budget, expiry, role and scope), and the handlers below only join and leave rooms.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly handshake: LiveHandshake,
    private readonly sessions: LiveSessions,
    private readonly publisher: LivePublisher,
    private readonly alerts: AlertPush,
    private readonly kpis: KpiPublisher,
    private readonly registrar: ScreenRegistrar,
    private readonly layouts: LayoutPush,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.publisher.attach(namespace);
    this.alerts.attach(namespace);
    this.kpis.attach(namespace);
    this.registrar.attach(namespace);
    this.layouts.attach(namespace);
    namespace.use((socket, next) => {
      this.handshake.admit(socket).then(() => {
        gateEvents(socket, this.sessions, this.config.live.maxEventsPerSecond);
        next();
      }, next);
    });
    namespace.on('connection', (socket) => this.sessions.open(socket));
  }

  /** Alert notices of the scope and everything under it; what the socket missed meanwhile it reads over REST. */
  @SubscribeMessage('watchAlerts')
  async watchAlerts(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if ('error' in scope) return scope;
    const watched = [...socket.rooms].filter((room) => room.startsWith(alertRoomOf('')));
    const room = alertRoomOf(scope.scope);
    if (!watched.includes(room) && watched.length >= MAX_SCOPES_PER_SOCKET) {
      return { ok: false, error: 'too_many_scopes', message: `at most ${MAX_SCOPES_PER_SOCKET} alert scopes per connection` };
    }
    await socket.join(room);
    return { ok: true, scope: scope.scope };
  }

  @SubscribeMessage('unwatchAlerts')
  async unwatchAlerts(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if ('error' in scope) return scope;
    await socket.leave(alertRoomOf(scope.scope));
    return { ok: true, scope: scope.scope };
  }

  /** Workflow KPIs of the scope over the period: the current ones at once, then whenever they change, and on the heartbeat. */
  @SubscribeMessage('watchKpis')
  async watchKpis(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const request = this.resolveKpiRequest(body);
    if ('error' in request) return request;
    const room = kpiRoomOf(request);
    const watched = [...socket.rooms].filter(isKpiRoom);
    if (!watched.includes(room) && watched.length >= MAX_KPI_ROOMS_PER_SOCKET) {
      return { ok: false, error: 'too_many_scopes', message: `at most ${MAX_KPI_ROOMS_PER_SOCKET} KPI watches per connection` };
    }
    await socket.join(room);
    setImmediate(() => {
      this.kpis.sendCurrent(socket.id, room, request).catch((error: Error) => {
        this.logger.warn(`first KPIs of ${room} for ${socket.id} failed: ${error.message}`);
      });
    });
    return { ok: true, scope: request.scope, heartbeatMs: this.kpis.heartbeatMs };
  }

  @SubscribeMessage('unwatchKpis')
  async unwatchKpis(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const request = this.resolveKpiRequest(body);
    if ('error' in request) return request;
    await socket.leave(kpiRoomOf(request));
    return { ok: true, scope: request.scope };
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if ('error' in scope) return scope;
    const rooms = [...socket.rooms].filter(isSnapshotRoom);
    if (!rooms.includes(scope.scope) && rooms.length >= MAX_SCOPES_PER_SOCKET) {
      return { ok: false, error: 'too_many_scopes', message: `at most ${MAX_SCOPES_PER_SOCKET} scopes per connection` };
    }
    await socket.join(scope.scope);
    setImmediate(() => {
      this.publisher.sendCurrent(socket.id, scope).catch((error: Error) => {
        this.logger.warn(`first snapshot of ${scope.scope} for ${socket.id} failed: ${error.message}`);
      });
    });
    return { ok: true, scope: scope.scope, heartbeatMs: this.config.live.heartbeatMs };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if ('error' in scope) return scope;
    await socket.leave(scope.scope);
    return { ok: true, scope: scope.scope };
  }

  /** The scope as `subscribe` checks it, then the period's fields (`invalid_request`, naming the field). */
  private resolveKpiRequest(body: unknown): KpiWatchRequest | Refusal {
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    const scope = this.resolve(isObject ? { scope: (body as Record<string, unknown>)['scope'] } : body);
    if ('error' in scope) return scope;
    const parsed = kpiWatchRequestSchema.safeParse(body);
    if (parsed.success) return { ...parsed.data, scope: scope.scope };
    const issue = parsed.error.issues[0];
    return { ok: false, error: 'invalid_request', message: `${(issue && issueField(issue)) || 'request'}: ${issue?.message ?? 'invalid'}` };
  }

  private resolve(body: unknown): ScopeSummary | Refusal {
    const parsed = subscribeRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'invalid_scope', message: `scope: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    try {
      return resolveScope(this.reference, parsed.data.scope, 'scope');
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.code === 'not_found' ? 'unknown_scope' : 'invalid_scope', message: error.message };
      throw error;
    }
  }
}
