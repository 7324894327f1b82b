import { describeRedis, startEmbeddedRedis, type EmbeddedRedis, type RedisTarget } from '@grid-command/queue';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';

/** Knows where Redis is; starts the project's own redis-server when REDIS_URL is unset, and stops it last. */
export class RedisRuntime implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisRuntime.name);

  private constructor(
    readonly target: RedisTarget,
    private readonly embedded: EmbeddedRedis | null,
  ) {}

  static async start(config: AppConfig): Promise<RedisRuntime> {
    const logger = new Logger(RedisRuntime.name);
    if ('url' in config.redis) {
      const target: RedisTarget = { kind: 'url', url: config.redis.url };
      logger.log(`using ${describeRedis(target)}`);
      return new RedisRuntime(target, null);
    }
    const embedded = await startEmbeddedRedis(config.redis.embedded.directory, config.redis.embedded.binary);
    const target: RedisTarget = { kind: 'socket', path: embedded.socketPath };
    logger.log(`${embedded.adopted ? 'adopted the still-running' : 'started'} ${describeRedis(target)} (append-only file, fsync always)`);
    return new RedisRuntime(target, embedded);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.embedded) {
      await this.embedded.stop();
      this.logger.log('stopped redis-server');
    }
  }
}
