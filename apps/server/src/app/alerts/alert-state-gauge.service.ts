import { ACTIVE_ALERT_STATES } from '@grid-command/contracts';
import { AlertRecordStore } from '@grid-command/queue';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PipelineMetrics } from '../common/telemetry';

/**
 * `gridcommand_alerts{state}`: the live alerts (the store's open set) by state, read when scraped, at most every 2 s.
 * Exposed by the worker, which runs the rules; every state is listed, so a state with none shows 0, not absent.
 */
@Injectable()
export class AlertStateGauge implements OnModuleInit {
  constructor(
    private readonly store: AlertRecordStore,
    private readonly metrics: PipelineMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.alerts.sampleFrom(async () => {
      const alerts = await this.store.openAlerts();
      return ACTIVE_ALERT_STATES.map((state) => ({ labels: { state }, value: alerts.filter((alert) => alert.state === state).length }));
    });
  }
}
