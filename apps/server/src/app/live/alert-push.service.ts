import { alertRoomOf, type AlertNotice } from '@grid-command/contracts';
import { formatScope, lineageOf, parseScope } from '@grid-command/domain';
import { subscribeAlertNotices } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_SUBSCRIBER } from '../infrastructure/tokens';
import type { LiveNamespace } from './live-namespace';

/**
 * Pushes every alert change, as Redis announces it, to the sockets watching the alert's scope or any scope above
 * it: `alert` for a new one, `alertUpdated` for the rest. A socket in several of those rooms gets it once.
 */
@Injectable()
export class AlertPush implements OnModuleInit {
  private readonly logger = new Logger(AlertPush.name);
  private namespace: LiveNamespace | null = null;

  constructor(@Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  async onModuleInit(): Promise<void> {
    await subscribeAlertNotices(
      this.subscriber,
      (notice) => this.push(notice),
      (problem) => this.logger.warn(`ignored a malformed alert notice: ${problem}`),
    );
  }

  private push(notice: AlertNotice): void {
    if (!this.namespace) return;
    const rooms = lineageOf(parseScope(notice.alert.scope)).map((scope) => alertRoomOf(formatScope(scope)));
    this.namespace.to(rooms).emit(notice.change === 'opened' ? 'alert' : 'alertUpdated', notice);
  }
}
