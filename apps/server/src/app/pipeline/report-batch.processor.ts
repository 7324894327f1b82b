import { ReportStore, TicketStore } from '@grid-command/clickhouse';
import { reportBatchJobSchema, ticketEventBatchJobSchema } from '@grid-command/contracts';
import {
  createRedis,
  publishReportsStored,
  QUEUE_PREFIX,
  ReportLedger,
  REPORTS_QUEUE,
  retryDelayMs,
  STORE_BATCH_JOB,
  STORE_TICKET_EVENTS_JOB,
  WORKER_LOCK_MS,
  WORKER_MAX_STALLED,
  WORKER_STALLED_CHECK_MS,
  type RedisTarget,
} from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { AlertEvaluator } from '../alerts/alert-evaluator.service';
import { APP_CONFIG, REDIS_PRODUCER, REDIS_TARGET } from '../infrastructure/tokens';

/**
 * Stores queued report batches and ticket event batches in ClickHouse, and runs the report alert rules on each stored batch. Reports are stored each report only by the batch that owns its id (a client's retry may
 * have queued it twice). A failed insert throws so BullMQ retries the job; the batch id is the insert's
 * deduplication token and the owned rows never change, so a retry after a failure or a crash is stored once.
 */
@Injectable()
export class ReportBatchProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReportBatchProcessor.name);
  private worker: Worker<unknown> | null = null;
  private workerConnection: Redis | null = null;
  private readonly ledger: ReportLedger;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_TARGET) private readonly redisTarget: RedisTarget,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    private readonly store: ReportStore,
    private readonly tickets: TicketStore,
    private readonly alerts: AlertEvaluator,
  ) {
    this.ledger = new ReportLedger(redis);
  }

  onModuleInit(): void {
    this.workerConnection = createRedis(this.redisTarget, 'consumer', 'pipeline-worker');
    this.worker = new Worker<unknown>(REPORTS_QUEUE, (job) => this.process(job), {
      prefix: QUEUE_PREFIX,
      connection: this.workerConnection,
      concurrency: this.config.worker.concurrency,
      lockDuration: WORKER_LOCK_MS,
      stalledInterval: WORKER_STALLED_CHECK_MS,
      maxStalledCount: WORKER_MAX_STALLED,
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

  private async process(job: Job<unknown>): Promise<void> {
    if (job.name === STORE_BATCH_JOB) return this.storeReports(job);
    if (job.name === STORE_TICKET_EVENTS_JOB) return this.storeTicketEvents(job);
    throw new UnrecoverableError(`no handler for job ${job.name}`);
  }

  /** Events and ticket versions are keyed in ClickHouse, so a retried or replayed batch changes nothing. */
  private async storeTicketEvents(job: Job<unknown>): Promise<void> {
    const parsed = ticketEventBatchJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed ticket event batch ${job.id}: ${parsed.error.message}`);
    await this.tickets.insertEvents(parsed.data.batchId, parsed.data.events);
  }

  private async storeReports(job: Job<unknown>): Promise<void> {
    const parsed = reportBatchJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed batch ${job.id}: ${parsed.error.message}`);
    const owned = await this.ledger.claimForStore(parsed.data.batchId, parsed.data.reports.map((report) => report.id));
    const batch = { ...parsed.data, reports: parsed.data.reports.filter((_, index) => owned[index]) };
    if (batch.reports.length === 0) return;
    await this.store.insertBatch(batch);
    const gridCodes = [...new Set(batch.reports.map((report) => report.gridCode))];
    // Alerts before the announcement: a critical report must reach the duty officer first. A failure here fails
    // the job, so the retry (stored once, by the batch token) evaluates again; the rules add a report only once.
    await this.alerts.onReportsStored(batch.reports);
    await publishReportsStored(this.redis, { batchId: batch.batchId, gridCodes }).catch((error: Error) =>
      this.logger.warn(`stored batch ${batch.batchId} but could not announce it: ${error.message}`),
    );
  }
}
