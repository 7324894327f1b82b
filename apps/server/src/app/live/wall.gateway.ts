import { describeIssues, LIVE_NAMESPACE, wallHealthSchema, wallRoomOf, type WallHealPolicy, type WallHealthAck } from '@grid-command/contracts';
import { WallFleet } from '@grid-command/queue';
import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../infrastructure/tokens';
import type { LiveNamespace, LiveSocket } from './live-namespace';
import { WallCommandRelay } from './wall-command-relay.service';

/**
 * The walls' side of `/live` that is about the wall itself rather than its figures: a wall reports its health
 * (`reportWallHealth`, gated like every event: budget, expiry, role, and the scope it shows within its grants); the
 * first report joins the socket to the wall's own room, where commands from `/ops` and the console reach it
 * (`WallCommandRelay`), and the answer carries the bounds it heals itself by.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class WallGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger(WallGateway.name);
  private readonly policy: WallHealPolicy;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly fleet: WallFleet,
    private readonly relay: WallCommandRelay,
  ) {
    this.policy = { ...config.walls, timeZone: config.timeZone };
  }

  afterInit(namespace: LiveNamespace): void {
    this.relay.attach(namespace);
  }

  @SubscribeMessage('reportWallHealth')
  async report(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<WallHealthAck> {
    const parsed = wallHealthSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'invalid_health', message: describeIssues(parsed.error).slice(0, 3).join('; ') };
    const health = parsed.data;
    const previous = socket.data.wallId;
    if (previous !== health.wallId) {
      if (previous !== undefined) await socket.leave(wallRoomOf(previous));
      socket.data.wallId = health.wallId;
      await socket.join(wallRoomOf(health.wallId));
    }
    const principal = socket.data.principal;
    await this.fleet.record({ health, socketId: socket.id, owner: principal.name, ownerKind: principal.kind, reportedAt: Date.now() });
    return { ok: true, policy: this.policy };
  }

  handleDisconnect(socket: LiveSocket): void {
    const wallId = socket.data.wallId;
    if (wallId === undefined) return;
    this.fleet.forget(wallId, socket.id).catch((error: Error) => this.logger.warn(`wall ${wallId} left to expire: ${error.message}`));
  }
}
