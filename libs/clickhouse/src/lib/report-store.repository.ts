import type { ClickHouseClient } from '@clickhouse/client';
import type { Report, ReportBatchJob } from '@grid-command/contracts';
import { classifyInsertFailure, reasonOf } from './insert-failure';
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

/** A report ClickHouse would not store although the store was up, with ClickHouse's reason. */
export interface RefusedReport {
  readonly report: Report;
  readonly reason: string;
}

/**
 * Stores accepted reports (and so, through a view, version 0 of their tickets). A failure of the store itself throws,
 * so the queue retries the batch; the deduplication tokens make the retry idempotent. Any other failure is the rows'
 * own: the batch is halved until the failing rows stand alone, every other row is stored, and the failing ones are
 * answered for the caller to dead-letter.
 */
export class ReportStore {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly deadlinesOf: DeadlinesOf,
  ) {}

  async insertBatch(batch: ReportBatchJob): Promise<void> {
    await this.insert(batch, batch.reports, batch.batchId);
  }

  /**
   * Stores the batch; when an insert fails while the store is up, halves it until the failing rows stand alone,
   * stores every other row, and answers the failing ones. Each part's deduplication token follows from `token` (the
   * batch id unless given) and its place in the halving, and the halving follows from the rows, so a retry after a
   * crash (or after the store went away mid-way, which throws) stores every row exactly once.
   */
  async insertIsolatingFailures(batch: ReportBatchJob, token: string = batch.batchId): Promise<RefusedReport[]> {
    return this.insertOrHalve(batch, batch.reports, token);
  }

  private async insertOrHalve(batch: ReportBatchJob, reports: readonly Report[], token: string): Promise<RefusedReport[]> {
    try {
      await this.insert(batch, reports, token);
      return [];
    } catch (error) {
      if (await this.storeIsUnavailable(error)) throw error;
      const [only] = reports;
      if (reports.length === 1 && only) return [{ report: only, reason: reasonOf(error) }];
      const middle = Math.ceil(reports.length / 2);
      const first = await this.insertOrHalve(batch, reports.slice(0, middle), `${token}/1`);
      const second = await this.insertOrHalve(batch, reports.slice(middle), `${token}/2`);
      return [...first, ...second];
    }
  }

  /** Known answers decide at once; an error never seen before is the rows' only if the store answers a ping. */
  private async storeIsUnavailable(error: unknown): Promise<boolean> {
    switch (classifyInsertFailure(error)) {
      case 'store_unavailable':
        return true;
      case 'refused_data':
        return false;
      case 'unknown':
        return !(await this.client.ping().then(
          (result) => result.success,
          () => false,
        ));
    }
  }

  private async insert(batch: ReportBatchJob, reports: readonly Report[], token: string): Promise<void> {
    await this.client.insert({
      table: `${DATABASE}.reports`,
      values: reports.map((report) => toRow(report, batch, this.deadlinesOf)),
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(token),
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
