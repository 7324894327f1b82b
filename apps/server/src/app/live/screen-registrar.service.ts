import { alertRoomOf, isSnapshotRoom } from '@grid-command/contracts';
import { ConnectedScreens, SCREEN_REGISTRATION_EVERY_MS, type RegisteredScreen } from '@grid-command/queue';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import type { LiveNamespace, LiveSocket } from './live-namespace';
import { LivePublisher } from './live-publisher.service';

/**
 * Tells the operators' overview which screens this process serves: every couple of seconds it replaces its entry in
 * `ConnectedScreens` with each socket's owner, scopes, connection time and last push, all read from memory. The
 * socket's own paths (connect, subscribe, push) write nothing to Redis.
 */
@Injectable()
export class ScreenRegistrar implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ScreenRegistrar.name);
  /** Unique per process start, so two processes on one host never share an entry. */
  private readonly processId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly rounds: PeriodicTask;
  private namespace: LiveNamespace | null = null;

  constructor(
    private readonly screens: ConnectedScreens,
    private readonly publisher: LivePublisher,
  ) {
    this.rounds = new PeriodicTask({ name: 'screen registration', everyMs: SCREEN_REGISTRATION_EVERY_MS, firstAfterMs: 0 }, () => this.register(), this.logger);
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  onModuleInit(): void {
    this.rounds.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.rounds.stop();
    await this.screens.unregister(this.processId).catch((error: Error) => this.logger.warn(`screen registration left to expire: ${error.message}`));
  }

  private register(): Promise<void> {
    const sockets = [...(this.namespace?.sockets.values() ?? [])];
    return this.screens.register(this.processId, sockets.map((socket) => this.describe(socket)));
  }

  private describe(socket: LiveSocket): RegisteredScreen {
    const rooms = [...socket.rooms];
    const alertPrefix = alertRoomOf('');
    const scopes = rooms.filter(isSnapshotRoom);
    const pushes = [socket.data.firstSnapshotAt, ...scopes.map((scope) => this.publisher.lastPushAt(scope))].filter((at): at is number => at !== undefined);
    return {
      socketId: socket.id,
      name: socket.data.principal.name,
      kind: socket.data.principal.kind,
      scopes,
      alertScopes: rooms.filter((room) => room.startsWith(alertPrefix)).map((room) => room.slice(alertPrefix.length)),
      connectedAt: socket.handshake.issued,
      lastPushAt: pushes.length === 0 ? null : Math.max(...pushes),
    };
  }
}
