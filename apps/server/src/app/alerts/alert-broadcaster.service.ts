import { alertRoomOf, type AlertNotice } from '@grid-command/contracts';
import { formatScope, lineageOf, parseScope } from '@grid-command/domain';
import { createRedis, subscribeAlertNotices, type RedisTarget } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_TARGET } from '../infrastructure/tokens';
import type { LiveNamespace } from '../live/live-publisher.service';

/**
 * Pushes every alert change, as Redis announces it, to the sockets watching the alert's scope or any scope above
 * it: `alert` for a new one, `alertUpdated` for the rest. A socket in several of those rooms gets it once.
 */
@Injectable()
export class AlertBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertBroadcaster.name);
  private namespace: LiveNamespace | null = null;
  private subscriber: Redis | null = null;

  constructor(@Inject(REDIS_TARGET) private readonly redisTarget: RedisTarget) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedis(this.redisTarget, 'consumer', 'alert-subscriber');
    await subscribeAlertNotices(
      this.subscriber,
      (notice) => this.push(notice),
      (problem) => this.logger.warn(`ignored a malformed alert notice: ${problem}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  private push(notice: AlertNotice): void {
    if (!this.namespace) return;
    const rooms = lineageOf(parseScope(notice.alert.scope)).map((scope) => alertRoomOf(formatScope(scope)));
    this.namespace.to(rooms).emit(notice.change === 'opened' ? 'alert' : 'alertUpdated', notice);
  }
}
