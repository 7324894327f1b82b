import type { ClickHouseClient } from '@clickhouse/client';
import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { insertSettings } from './insert-settings';
import { DATABASE } from './migration-runner';
import { toClickHouseDateTime } from './sql-time';

interface ReportRow {
  id: string;
  grid_code: string;
  category: string;
  severity: number;
  source: string;
  reported_at: string;
  accepted_at: string;
  batch_id: string;
  reporter_id: string;
  lat: number | null;
  lon: number | null;
  description: string;
  dispatch_due_at: string;
  due_at: string;
}

/** A report's two deadlines, from the SLA policy and the working calendar. */
export interface TicketDeadlines {
  readonly dispatchDueAt: string;
  readonly dueAt: string | null;
}
export type DeadlinesOf = (report: Report) => TicketDeadlines;

function toRow(report: Report, batch: ReportBatchJob, deadlinesOf: DeadlinesOf): ReportRow {
  const deadlines = deadlinesOf(report);
  return {
    id: report.id,
    grid_code: report.gridCode,
    category: report.category,
    severity: report.severity,
    source: report.source,
    reported_at: toClickHouseDateTime(new Date(report.reportedAt)),
    accepted_at: toClickHouseDateTime(new Date(batch.acceptedAt)),
    batch_id: batch.batchId,
    reporter_id: report.reporterId ?? '',
    lat: report.location?.lat ?? null,
    lon: report.location?.lon ?? null,
    description: report.description ?? '',
    dispatch_due_at: toClickHouseDateTime(new Date(deadlines.dispatchDueAt)),
    due_at: toClickHouseDateTime(new Date(deadlines.dueAt ?? deadlines.dispatchDueAt)),
  };
}

/**
 * Writes accepted reports (and so, through a view, version 0 of their tickets). Throws on failure so the queue
 * retries the batch; the batch id makes the retry idempotent.
 */
export class ReportStore {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly deadlinesOf: DeadlinesOf,
  ) {}

  async insertBatch(batch: ReportBatchJob): Promise<void> {
    await this.client.insert({
      table: `${DATABASE}.reports`,
      values: batch.reports.map((report) => toRow(report, batch, this.deadlinesOf)),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(batch.batchId),
    });
  }

  /** Rows and distinct ids stored; equal when nothing was counted twice. */
  async countStored(): Promise<{ rows: number; distinctIds: number }> {
    const [row] = await (
      await this.client.query({
        query: `SELECT count() AS rows, uniqExact(id) AS distinctIds FROM ${DATABASE}.reports`,
        format: 'JSONEachRow',
      })
    ).json<{ rows: string; distinctIds: string }>();
    return { rows: Number(row?.rows ?? 0), distinctIds: Number(row?.distinctIds ?? 0) };
  }
}
