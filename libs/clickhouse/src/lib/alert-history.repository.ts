import type { ClickHouseClient } from '@clickhouse/client';
import { alertSchema, type Alert, type AlertChange } from '@grid-command/contracts';
import { insertSettings } from './insert-settings';
import { DATABASE } from './migration-runner';
import { toClickHouseDateTime } from './sql-time';

const HISTORY = `${DATABASE}.alert_history`;

export interface AlertVersion {
  readonly alert: Alert;
  readonly change: AlertChange;
}

/** The duty log: every version of every alert, kept for good after Redis lets a closed alert go. */
export class AlertHistoryRepository {
  constructor(private readonly client: ClickHouseClient) {}

  /** `token` deduplicates a retried insert; the (alert, version) key makes a replayed version harmless anyway. */
  async insert(token: string, versions: readonly AlertVersion[]): Promise<void> {
    if (versions.length === 0) return;
    await this.client.insert({
      table: HISTORY,
      values: versions.map(({ alert, change }) => ({
        alert_id: alert.id,
        version: alert.version,
        change,
        actor: alert.actions.at(-1)?.by ?? '',
        changed_at: toClickHouseDateTime(new Date(alert.updatedAt)),
        rule_id: alert.ruleId,
        kind: alert.kind,
        severity: alert.severity,
        scope: alert.scope,
        state: alert.state,
        opened_at: toClickHouseDateTime(new Date(alert.openedAt)),
        alert: JSON.stringify(alert),
      })),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(token),
    });
  }

  /** The latest stored version of an alert, or null. */
  async latest(alertId: string): Promise<Alert | null> {
    const result = await this.client.query({
      query: `SELECT alert FROM ${HISTORY} FINAL WHERE alert_id = {id:UUID} ORDER BY version DESC LIMIT 1`,
      query_params: { id: alertId },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ alert: string }>();
    return row ? alertSchema.parse(JSON.parse(row.alert)) : null;
  }

  /** Versions of the alert in order, each with the change that made it. */
  async versions(alertId: string): Promise<Array<{ version: number; change: string }>> {
    const result = await this.client.query({
      query: `SELECT version, change FROM ${HISTORY} FINAL WHERE alert_id = {id:UUID} ORDER BY version`,
      query_params: { id: alertId },
      format: 'JSONEachRow',
    });
    return (await result.json<{ version: number; change: string }>()).map((row) => ({ version: Number(row.version), change: row.change }));
  }
}
