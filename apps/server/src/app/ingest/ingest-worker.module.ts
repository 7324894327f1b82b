import { Module } from '@nestjs/common';
import { AlertsWorkerModule } from '../alerts';
import { StoreReportBatchJob } from './store-report-batch.job';

/** The worker's side of reports: queued batches into ClickHouse, through the report alert rules. */
@Module({ imports: [AlertsWorkerModule], providers: [StoreReportBatchJob] })
export class IngestWorkerModule {}
