import { Module } from '@nestjs/common';
import { AlertsWorkerModule } from '../alerts';
import { DeadLetterGauge } from './dead-letter-gauge.service';
import { StoreReportBatchJob } from './store-report-batch.job';

/** The worker's side of reports: queued batches into ClickHouse, through the report alert rules; what cannot be stored is parked. */
@Module({
  imports: [AlertsWorkerModule],
  providers: [StoreReportBatchJob, DeadLetterGauge],
})
export class IngestWorkerModule {}
