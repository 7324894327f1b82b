import {
  alertRoomOf,
  isSnapshotRoom,
  LIVE_NAMESPACE,
  subscribeRequestSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SubscribeAck,
} from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AppError } from '../common/errors/app-error';
import { resolveScope } from '../common/scope-resolver';
import { REFERENCE_INDEX } from '../infrastructure/tokens';
import { AlertPush } from './alert-push.service';
import type { LiveNamespace } from './live-namespace';
import { LivePublisher } from './live-publisher.service';

type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents>;

/** A screen rarely watches more than a few scopes; the cap bounds what one client can make the server compute. */
const MAX_SCOPES_PER_SOCKET = 20;

@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly publisher: LivePublisher,
    private readonly alerts: AlertPush,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.publisher.attach(namespace);
    this.alerts.attach(namespace);
  }

  /** Alert notices of the scope and everything under it; what the socket missed meanwhile it reads over REST. */
  @SubscribeMessage('watchAlerts')
  async watchAlerts(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if (!scope.ok) return scope;
    const watched = [...socket.rooms].filter((room) => room.startsWith(alertRoomOf('')));
    const room = alertRoomOf(scope.summary.scope);
    if (!watched.includes(room) && watched.length >= MAX_SCOPES_PER_SOCKET) {
      return { ok: false, error: `at most ${MAX_SCOPES_PER_SOCKET} alert scopes per connection` };
    }
    await socket.join(room);
    return { ok: true, scope: scope.summary.scope };
  }

  @SubscribeMessage('unwatchAlerts')
  async unwatchAlerts(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if (!scope.ok) return scope;
    await socket.leave(alertRoomOf(scope.summary.scope));
    return { ok: true, scope: scope.summary.scope };
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if (!scope.ok) return scope;
    const rooms = [...socket.rooms].filter(isSnapshotRoom);
    if (!rooms.includes(scope.summary.scope) && rooms.length >= MAX_SCOPES_PER_SOCKET) {
      return { ok: false, error: `at most ${MAX_SCOPES_PER_SOCKET} scopes per connection` };
    }
    await socket.join(scope.summary.scope);
    setImmediate(() => {
      this.publisher.sendCurrent(socket.id, scope.summary).catch((error: Error) => {
        this.logger.warn(`first snapshot of ${scope.summary.scope} for ${socket.id} failed: ${error.message}`);
      });
    });
    return { ok: true, scope: scope.summary.scope };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const scope = this.resolve(body);
    if (!scope.ok) return scope;
    await socket.leave(scope.summary.scope);
    return { ok: true, scope: scope.summary.scope };
  }

  private resolve(body: unknown): { ok: true; summary: ReturnType<typeof resolveScope> } | { ok: false; error: string } {
    const parsed = subscribeRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: `scope: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    try {
      return { ok: true, summary: resolveScope(this.reference, parsed.data.scope, 'scope') };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.message };
      throw error;
    }
  }
}
