import {
  createRedis,
  JOB_QUEUES,
  JOBS,
  QUEUE_PREFIX,
  retryDelayMs,
  WORKER_LOCK_MS,
  WORKER_MAX_STALLED,
  WORKER_STALLED_CHECK_MS,
  type JobName,
  type RedisTarget,
} from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG, REDIS_TARGET } from '../tokens';
import { JobRegistry } from './job-registry';
import { isRedisUnavailable } from '../../common/errors/redis-unavailability';
import { closeRedis } from '../close-redis';
import { reportOutages } from '../connection-outages';

function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/**
 * One BullMQ worker per queue, each on a connection of its own (a worker blocks it), handing every job to the
 * handler the registry holds for its name after parsing its payload. A payload that does not parse, or a name no
 * handler claims, fails the job at once: retrying cannot mend it.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly running: Array<{ readonly worker: Worker; readonly connection: Redis }> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_TARGET) private readonly redisTarget: RedisTarget,
    private readonly registry: JobRegistry,
  ) {}

  onApplicationBootstrap(): void {
    for (const queue of JOB_QUEUES) {
      const connection = createRedis(this.redisTarget, 'consumer', `worker:${queue}`);
      const worker = new Worker(queue, (job) => this.run(job), {
        prefix: QUEUE_PREFIX,
        connection,
        concurrency: this.config.worker.concurrency,
        lockDuration: WORKER_LOCK_MS,
        stalledInterval: WORKER_STALLED_CHECK_MS,
        maxStalledCount: WORKER_MAX_STALLED,
        settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) },
      });
      worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name ?? '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
      // Losing Redis is told once per outage by the connection; every reconnection attempt is also a worker error.
      reportOutages(connection, `worker of ${queue}`, this.logger);
      worker.on('error', (error) => {
        if (!isRedisUnavailable(error)) this.logger.error(`worker of ${queue}: ${error.message}`);
      });
      this.running.push({ worker, connection });
    }
  }

  /**
   * Finishes the jobs in hand, then lets the connections go (BullMQ leaves a connection it was given open). Without
   * Redis a job in hand cannot be marked done, so it is not waited for: it is picked up again as stalled.
   */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.map(({ worker, connection }) => worker.close(connection.status !== 'ready')));
    await Promise.allSettled(this.running.map(({ connection }) => closeRedis(connection)));
  }

  private async run(job: Job<unknown>): Promise<void> {
    const handler = isJobName(job.name) ? this.registry.handlerOf(job.name) : undefined;
    if (!isJobName(job.name) || !handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const parsed = JOBS[job.name].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed ${job.name} job ${job.id ?? '?'}: ${parsed.error.message}`);
    await handler.handle(parsed.data, { id: job.id ?? '', attemptsMade: job.attemptsMade });
  }
}
