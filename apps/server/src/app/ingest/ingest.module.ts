import { JobProducer, QueueBacklog, ReportIntake, ReportLedger, REPORTS_QUEUE } from '@grid-command/queue';
import { Logger, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { AlertBookModule } from '../alerts';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { APP_CONFIG } from '../infrastructure/tokens';
import { IngestBackpressure } from './backpressure/ingest-backpressure.service';
import { IngestService } from './ingest.service';
import { IntakeLifecycle } from './intake-lifecycle.service';
import { ReportsController } from './reports.controller';

/** The API's side of reports: validate, queue durably in groups, answer 202, raise critical alerts at once. */
@Module({
  imports: [AlertBookModule],
  controllers: [ReportsController],
  providers: [
    IngestService,
    IntakeLifecycle,
    IngestBackpressure,
    { provide: QueueBacklog, useFactory: (jobs: JobProducer) => new QueueBacklog(jobs.connection, REPORTS_QUEUE), inject: [JobProducer] },
    {
      provide: ReportIntake,
      useFactory: (jobs: JobProducer, ledger: ReportLedger, config: AppConfig) =>
        new ReportIntake(jobs, ledger, { flushAfterMs: config.ingest.flushAfterMs, maxGroupReports: config.ingest.maxGroupReports }, new Logger(ReportIntake.name)),
      inject: [JobProducer, ReportLedger, APP_CONFIG],
    },
  ],
  exports: [IngestBackpressure],
})
export class IngestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/reports', method: RequestMethod.POST });
  }
}
