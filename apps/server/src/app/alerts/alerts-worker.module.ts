import { Module } from '@nestjs/common';
import { AlertBookModule } from './alert-book.module';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertHistoryRelay } from './alert-history-relay.service';
import { AlertStateGauge } from './alert-state-gauge.service';

/** The worker's side of alerts: rules on stored batches and on a timer, and the duty log in ClickHouse. */
@Module({ imports: [AlertBookModule], providers: [AlertEvaluator, AlertHistoryRelay, AlertStateGauge], exports: [AlertEvaluator] })
export class AlertsWorkerModule {}
