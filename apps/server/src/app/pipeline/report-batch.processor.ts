import { reportBatchJobSchema, type ReportBatchJob } from '@grid-command/contracts';
import { ReportStore } from '@grid-command/clickhouse';
import {
  batchStoredKey,
  IDEMPOTENCY_TTL_SECONDS,
  publishReportsStored,
  QUEUE_PREFIX,
  createRedis,
  REPORTS_QUEUE,
  retryDelayMs,
  STORE_BATCH_JOB,
  type RedisTarget,
} from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG, REDIS_PRODUCER, REDIS_TARGET } from '../infrastructure/tokens';

/**
 * Stores queued batches in ClickHouse. A failed insert throws so BullMQ retries the job; the batch id is the
 * insert's deduplication token, so a retry after a partial failure or a crash is not counted twice.
 */
@Injectable()
export class ReportBatchProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReportBatchProcessor.name);
  private worker: Worker<ReportBatchJob> | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_TARGET) private readonly redisTarget: RedisTarget,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    private readonly store: ReportStore,
  ) {}

  onModuleInit(): void {
    this.workerConnection = createRedis(this.redisTarget, 'consumer', 'pipeline-worker');
    this.worker = new Worker<ReportBatchJob>(REPORTS_QUEUE, (job) => this.process(job), {
      prefix: QUEUE_PREFIX,
      connection: this.workerConnection,
      concurrency: this.config.worker.concurrency,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) },
    });
    this.worker.on('failed', (job, error) => {
      this.logger.warn(`batch ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
    });
    this.worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    // BullMQ leaves a connection it was given open.
    await this.workerConnection?.quit().catch(() => undefined);
  }

  private async process(job: Job<ReportBatchJob>): Promise<void> {
    if (job.name !== STORE_BATCH_JOB) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const parsed = reportBatchJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed batch ${job.id}: ${parsed.error.message}`);
    const batch = parsed.data;
    await this.store.insertBatch(batch);
    // Marks the batch as stored before the job disappears, so its report ids can never be reclaimed as abandoned.
    await this.redis.set(batchStoredKey(batch.batchId), '1', 'EX', IDEMPOTENCY_TTL_SECONDS);
    const gridCodes = [...new Set(batch.reports.map((report) => report.gridCode))];
    await publishReportsStored(this.redis, { batchId: batch.batchId, gridCodes }).catch((error: Error) =>
      this.logger.warn(`stored batch ${batch.batchId} but could not announce it: ${error.message}`),
    );
  }
}
