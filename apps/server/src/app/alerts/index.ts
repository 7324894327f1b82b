import type { Capability } from '../capability';
import { AlertsWorkerModule } from './alerts-worker.module';
import { AlertsModule } from './alerts.module';

export { AlertBookModule } from './alert-book.module';
export { AlertEvaluator } from './alert-evaluator.service';
export { AlertHistoryRelay } from './alert-history-relay.service';
export { AlertsWorkerModule } from './alerts-worker.module';
export { CriticalAlerts } from './critical-alerts.service';

/** Alerts: the duty officers' REST, and the rules, response bounds and duty log run by the worker. */
export const ALERTS: Capability = { api: AlertsModule, worker: AlertsWorkerModule };
