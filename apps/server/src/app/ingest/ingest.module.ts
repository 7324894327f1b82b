import type { ReportBatchJob } from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, REPORTS_QUEUE, ReportIntake, ReportLedger, type RedisTarget } from '@grid-command/queue';
import { Logger, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { AlertBookModule } from '../alerts/alert-book.module';
import { APP_CONFIG, REDIS_PRODUCER, REDIS_TARGET } from '../infrastructure/tokens';
import { IngestService } from './ingest.service';
import { INGEST_QUEUE_CONNECTION, REPORT_INTAKE, REPORTS_QUEUE_PRODUCER } from './ingest.tokens';
import { IntakeLifecycle } from './intake-lifecycle.service';
import { JsonBodyMiddleware } from './json-body.middleware';
import { ReportsController } from './reports.controller';

@Module({
  imports: [AlertBookModule],
  controllers: [ReportsController],
  providers: [
    IngestService,
    IntakeLifecycle,
    {
      provide: INGEST_QUEUE_CONNECTION,
      useFactory: (target: RedisTarget) => createRedis(target, 'producer', 'ingest-queue'),
      inject: [REDIS_TARGET],
    },
    {
      provide: REPORTS_QUEUE_PRODUCER,
      useFactory: async (connection: Redis) => {
        const queue = new Queue<ReportBatchJob>(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
        await queue.waitUntilReady();
        return queue;
      },
      inject: [INGEST_QUEUE_CONNECTION],
    },
    {
      provide: REPORT_INTAKE,
      useFactory: (queue: Queue<ReportBatchJob>, redis: Redis, config: AppConfig) =>
        new ReportIntake(
          queue,
          new ReportLedger(redis),
          { flushAfterMs: config.ingest.flushAfterMs, maxGroupReports: config.ingest.maxGroupReports },
          new Logger(ReportIntake.name),
        ),
      inject: [REPORTS_QUEUE_PRODUCER, REDIS_PRODUCER, APP_CONFIG],
    },
  ],
})
export class IngestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/reports', method: RequestMethod.POST });
  }
}
