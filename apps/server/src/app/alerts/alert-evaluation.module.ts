import { Module } from '@nestjs/common';
import { AlertBookModule } from './alert-book.module';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertHistoryWriter } from './alert-history-writer.service';

/** The worker's side of alerts: rules on stored batches and on a timer, and the duty log in ClickHouse. */
@Module({ imports: [AlertBookModule], providers: [AlertEvaluator, AlertHistoryWriter], exports: [AlertEvaluator] })
export class AlertEvaluationModule {}
