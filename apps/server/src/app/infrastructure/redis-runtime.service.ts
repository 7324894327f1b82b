import { describeRedis, startEmbeddedRedis, type EmbeddedRedis, type EmbeddedRedisStatus, type RedisTarget } from '@grid-command/queue';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';

/**
 * What health and metrics read of Redis: the embedded redis-server's supervision (`up`, `restarting`, `given_up`,
 * `stopped`, with its restarts and last death), or `external` for a Redis at REDIS_URL, which this process neither
 * starts nor restarts (its connections reconnect by themselves; readiness says whether it answers).
 */
export type RedisRuntimeStatus = EmbeddedRedisStatus | { readonly state: 'external' };

/** Knows where Redis is; starts and supervises the project's own redis-server when REDIS_URL is unset, and stops it last. */
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
    const { directory, binary, restartDelayMs } = config.redis.embedded;
    const embedded = await startEmbeddedRedis(directory, binary, {
      restartDelayMs,
      log: (level, message) => logger[level](message),
    });
    const target: RedisTarget = { kind: 'socket', path: embedded.socketPath };
    logger.log(`${embedded.adopted ? 'adopted the still-running' : 'started'} ${describeRedis(target)} (append-only file, fsync always; pid in ${embedded.pidFile})`);
    return new RedisRuntime(target, embedded);
  }

  status(): RedisRuntimeStatus {
    return this.embedded?.status() ?? { state: 'external' };
  }

  /** False once supervision has given up on the embedded redis-server: only a restart of this process can help. */
  canRecover(): boolean {
    return this.status().state !== 'given_up';
  }

  /** For a process exiting without its orderly shutdown (a second signal, a shutdown past its bound, a crash). */
  stopNow(): void {
    this.embedded?.stopNow();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.embedded) {
      await this.embedded.stop();
      this.logger.log('stopped redis-server');
    }
  }
}
