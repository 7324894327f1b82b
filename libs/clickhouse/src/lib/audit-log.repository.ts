import type { ClickHouseClient } from '@clickhouse/client';
import { auditEntrySchema, type AuditEntry, type AuditList, type AuditOutcome } from '@grid-command/contracts';
import { insertSettings } from './insert-settings';
import { DATABASE } from './migration-runner';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';

const AUDIT_LOG = `${DATABASE}.audit_log`;

interface AuditRow {
  at: string;
  id: string;
  action: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  target: string | null;
  outcome: string;
  source_ip: string | null;
  detail: string;
}

export interface AuditLogFilter {
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
  readonly action?: string;
  /** The actor's name (a username, a key's name). */
  readonly actorName?: string;
  readonly outcome?: AuditOutcome;
  readonly limit: number;
}

function toRow(entry: AuditEntry): AuditRow {
  return {
    at: toClickHouseDateTime(new Date(entry.at)),
    id: entry.id,
    action: entry.action,
    actor_kind: entry.actor?.kind ?? '',
    actor_id: entry.actor?.id ?? '',
    actor_name: entry.actor?.name ?? '',
    target: entry.target,
    outcome: entry.outcome,
    source_ip: entry.sourceIp,
    detail: JSON.stringify(entry.detail),
  };
}

function fromRow(row: AuditRow): AuditEntry {
  return auditEntrySchema.parse({
    id: row.id,
    at: fromClickHouseDateTime(row.at).toISOString(),
    action: row.action,
    actor: row.actor_kind === '' ? null : { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    target: row.target,
    outcome: row.outcome,
    sourceIp: row.source_ip,
    detail: JSON.parse(row.detail) as unknown,
  });
}

/** The audit log in ClickHouse: appended to by the relay, read by admins; never updated or deleted. */
export class AuditLogRepository {
  constructor(private readonly client: ClickHouseClient) {}

  /** `token` deduplicates a retried insert; the (at, id) key collapses an entry relayed twice anyway. */
  async insert(token: string, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.client.insert({
      table: AUDIT_LOG,
      values: entries.map(toRow),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(token),
    });
  }

  /** Matching entries, newest first, at most `limit`; `truncated` when there are more. */
  async list(filter: AuditLogFilter): Promise<AuditList> {
    const conditions: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit + 1 };
    if (filter.from) {
      conditions.push(`at >= {from:DateTime64(3, 'UTC')}`);
      params['from'] = toClickHouseDateTime(filter.from);
    }
    if (filter.to) {
      conditions.push(`at < {to:DateTime64(3, 'UTC')}`);
      params['to'] = toClickHouseDateTime(filter.to);
    }
    if (filter.action !== undefined) {
      conditions.push('action = {action:String}');
      params['action'] = filter.action;
    }
    if (filter.actorName !== undefined) {
      conditions.push('actor_name = {actorName:String}');
      params['actorName'] = filter.actorName;
    }
    if (filter.outcome !== undefined) {
      conditions.push('outcome = {outcome:String}');
      params['outcome'] = filter.outcome;
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const result = await this.client.query({
      query: `SELECT at, toString(id) AS id, action, actor_kind, actor_id, actor_name, target, outcome, source_ip, detail
        FROM ${AUDIT_LOG} FINAL ${where} ORDER BY at DESC, id DESC LIMIT {limit:UInt32}`,
      query_params: params,
      format: 'JSONEachRow',
    });
    const rows = await result.json<AuditRow>();
    return { entries: rows.slice(0, filter.limit).map(fromRow), truncated: rows.length > filter.limit };
  }
}
