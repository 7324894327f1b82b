import { wallRoomOf } from '@grid-command/contracts';
import { subscribeWallCommands } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_SUBSCRIBER } from '../infrastructure/tokens';
import type { LiveNamespace } from './live-namespace';

/** Hands each command from `/ops` or the console, as Redis carries it, to the wall's room in this process (if it holds the wall). */
@Injectable()
export class WallCommandRelay implements OnModuleInit {
  private readonly logger = new Logger(WallCommandRelay.name);
  private namespace: LiveNamespace | null = null;

  constructor(@Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  async onModuleInit(): Promise<void> {
    await subscribeWallCommands(
      this.subscriber,
      ({ wallId, command }) => this.namespace?.to(wallRoomOf(wallId)).emit('wallCommand', command),
      (problem) => this.logger.warn(`ignored a malformed wall command: ${problem}`),
    );
  }
}
