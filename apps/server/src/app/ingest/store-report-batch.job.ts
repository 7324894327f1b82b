import { ReportStore } from '@grid-command/clickhouse';
import { publishReportsStored, ReportLedger, type JobPayload } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AlertEvaluator } from '../alerts';
import { HandlesJob, type JobHandler } from '../infrastructure/jobs/job-handler';
import { REDIS_COMMANDS } from '../infrastructure/tokens';

/**
 * Stores a queued batch of reports in ClickHouse and runs the report alert rules on it. Each report is stored only
 * by the batch that owns its id (a client's retry may have queued it twice). A failed insert throws so BullMQ retries
 * the job; the batch id is the insert's deduplication token and the owned rows never change, so a retry after a
 * failure or a crash is stored once.
 */
@Injectable()
@HandlesJob('store-batch')
export class StoreReportBatchJob implements JobHandler<'store-batch'> {
  private readonly logger = new Logger(StoreReportBatchJob.name);

  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    private readonly ledger: ReportLedger,
    private readonly store: ReportStore,
    private readonly alerts: AlertEvaluator,
  ) {}

  async handle(job: JobPayload<'store-batch'>): Promise<void> {
    const owned = await this.ledger.claimForStore(job.batchId, job.reports.map((report) => report.id));
    const batch = { ...job, reports: job.reports.filter((_, index) => owned[index]) };
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
