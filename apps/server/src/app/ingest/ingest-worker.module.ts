import { ReportDeadLetters } from '@grid-command/queue';
import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AlertsWorkerModule } from '../alerts';
import { REDIS_COMMANDS } from '../infrastructure/tokens';
import { StoreReportBatchJob } from './store-report-batch.job';

/** The worker's side of reports: queued batches into ClickHouse, through the report alert rules; what cannot be stored is parked. */
@Module({
  imports: [AlertsWorkerModule],
  providers: [StoreReportBatchJob, { provide: ReportDeadLetters, useFactory: (redis: Redis) => new ReportDeadLetters(redis), inject: [REDIS_COMMANDS] }],
})
export class IngestWorkerModule {}
