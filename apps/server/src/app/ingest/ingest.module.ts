import { JobProducer, PipelineRates, QueueBacklog, ReportIntake, ReportLedger, REPORTS_QUEUE } from '@grid-command/queue';
import { Logger, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { AlertBookModule } from '../alerts';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { APP_CONFIG } from '../infrastructure/tokens';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { IngestBackpressure } from './backpressure/ingest-backpressure.service';
import { AcceptTimingMiddleware } from './accept-timing.middleware';
import { IngestService } from './ingest.service';
import { IntakeLifecycle } from './intake-lifecycle.service';
import { QueueGauges } from './queue-gauges.service';
import { ReportsController } from './reports.controller';

/** The API's side of reports: validate, queue durably in groups, answer 202, raise critical alerts at once. */
@Module({
  imports: [AlertBookModule, DeadLettersModule],
  controllers: [ReportsController],
  providers: [
    IngestService,
    IntakeLifecycle,
    IngestBackpressure,
    QueueGauges,
    { provide: QueueBacklog, useFactory: (jobs: JobProducer) => new QueueBacklog(jobs.connection, REPORTS_QUEUE), inject: [JobProducer] },
    {
      provide: ReportIntake,
      useFactory: (jobs: JobProducer, ledger: ReportLedger, rates: PipelineRates, config: AppConfig) => {
        const logger = new Logger(ReportIntake.name);
        // Counted in memory per queued group and written once a second, for the operator's rates.
        const onQueued = (reports: number): void => rates.count('accepted', reports);
        return new ReportIntake(jobs, ledger, { flushAfterMs: config.ingest.flushAfterMs, maxGroupReports: config.ingest.maxGroupReports, onQueued }, logger);
      },
      inject: [JobProducer, ReportLedger, PipelineRates, APP_CONFIG],
    },
  ],
  exports: [IngestBackpressure],
})
export class IngestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AcceptTimingMiddleware, JsonBodyMiddleware).forRoutes({ path: 'api/v1/reports', method: RequestMethod.POST });
  }
}
