import { ReportStore } from '@grid-command/clickhouse';
import { reportSchema, type Report } from '@grid-command/contracts';
import { PipelineRates, publishReportsStored, REPORT_DEAD_LETTERS_KEY, ReportDeadLetters, ReportLedger, type JobPayload, type ParkedReport } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AlertEvaluator } from '../alerts';
import { PipelineMetrics } from '../common/telemetry';
import { HandlesJob, type JobHandler } from '../infrastructure/jobs/job-handler';
import { REDIS_COMMANDS } from '../infrastructure/tokens';

/**
 * Stores a queued batch of reports in ClickHouse and runs the report alert rules on it. Each report is stored only
 * by the batch that owns its id (a client's retry may have queued it twice). An insert that fails because the store
 * is unavailable throws so BullMQ retries the job; the batch id is the insert's deduplication token and the owned
 * rows never change, so a retry after a failure or a crash is stored once.
 *
 * One bad report never takes the others with it: each is checked against the report schema again (it may have been
 * queued before a rule was added), and a report whose insert still fails while the store is up is isolated by the
 * store; both are parked as dead letters (for an operator to replay), counted and logged, while the rest of the batch
 * is stored.
 */
@Injectable()
@HandlesJob('store-batch')
export class StoreReportBatchJob implements JobHandler<'store-batch'> {
  private readonly logger = new Logger(StoreReportBatchJob.name);

  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    private readonly ledger: ReportLedger,
    private readonly store: ReportStore,
    private readonly deadLetters: ReportDeadLetters,
    private readonly alerts: AlertEvaluator,
    private readonly metrics: PipelineMetrics,
    private readonly rates: PipelineRates,
  ) {}

  async handle(job: JobPayload<'store-batch'>): Promise<void> {
    const parkedAt = new Date().toISOString();
    const checked = job.reports.map((queued, index) => ({ index, queued, parsed: reportSchema.safeParse(queued) }));
    const valid = checked.flatMap(({ index, parsed }) => (parsed.success ? [{ index, report: parsed.data }] : []));
    const parked: ParkedReport[] = checked.flatMap(({ index, queued, parsed }) =>
      parsed.success ? [] : [{ batchId: job.batchId, index, report: queued, parkedAt, acceptedAt: job.acceptedAt, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') }],
    );

    const owned = await this.ledger.claimForStore(job.batchId, valid.map(({ report }) => report.id));
    const mine = valid.filter((_, position) => owned[position]);
    const insertStartedAt = performance.now();
    const refused = mine.length === 0 ? [] : await this.store.insertIsolatingFailures({ ...job, reports: mine.map(({ report }) => report) });
    const indexOf = new Map(mine.map(({ index, report }) => [report, index]));
    for (const { report, reason } of refused) parked.push({ batchId: job.batchId, index: indexOf.get(report) ?? -1, report, parkedAt, acceptedAt: job.acceptedAt, reason });
    await this.park(job.batchId, parked);

    const refusedReports = new Set(refused.map(({ report }) => report));
    const stored: Report[] = mine.map(({ report }) => report).filter((report) => !refusedReports.has(report));
    if (stored.length === 0) return;
    this.metrics.batchStored(stored.length, (performance.now() - insertStartedAt) / 1000, (Date.now() - Date.parse(job.acceptedAt)) / 1000);
    const gridCodes = [...new Set(stored.map((report) => report.gridCode))];
    // Alerts before the announcement: a critical report must reach the duty officer first. A failure here fails
    // the job, so the retry (stored once, by the batch token) evaluates again; the rules add a report only once.
    await this.alerts.onReportsStored(stored);
    // Counted for the operators' stored rate once the batch is through (a retry after a failed evaluation counts it
    // then, once); a lost count only dents a figure on /ops.
    this.rates.count('stored', stored.length);
    await publishReportsStored(this.redis, { batchId: job.batchId, gridCodes, acceptedAt: job.acceptedAt }).catch((error: Error) =>
      this.logger.warn(`stored batch ${job.batchId} but could not announce it: ${error.message}`),
    );
  }

  private async park(batchId: string, parked: readonly ParkedReport[]): Promise<void> {
    if (parked.length === 0) return;
    await this.deadLetters.park(parked);
    const total = await this.deadLetters.count();
    for (const { index, reason } of parked) this.logger.error(`batch ${batchId} report ${index} parked, not stored: ${reason}`);
    this.logger.error(`${parked.length} report(s) of batch ${batchId} parked; ${total} parked in all (HGETALL ${REPORT_DEAD_LETTERS_KEY})`);
  }
}
