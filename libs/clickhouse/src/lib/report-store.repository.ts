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

/** A report ClickHouse refused as data (it cannot parse or hold a value), with ClickHouse's reason. */
export interface RefusedReport {
  readonly report: Report;
  readonly reason: string;
}

/**
 * ClickHouse's names for an insert refused because of what a row holds, not because the store is away or busy:
 * only those are worth isolating, since the same rows would be refused on every retry.
 */
const REFUSED_DATA = /^(CANNOT_PARSE_\w+|CANNOT_READ_ALL_DATA|INCORRECT_DATA|TYPE_MISMATCH|CANNOT_CONVERT_TYPE|VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE|ARGUMENT_OUT_OF_BOUND|CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN|TOO_LARGE_STRING_SIZE|UNKNOWN_FIELD_IN_FORMAT)$/;

function isRefusedData(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && REFUSED_DATA.test(type);
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
    await this.insert(batch, batch.reports, batch.batchId);
  }

  /**
   * Stores the batch; when ClickHouse refuses it for what some rows hold, halves it until the refused rows stand
   * alone, stores every other row, and answers the refused ones. Each part's deduplication token follows from the
   * batch id and its place in the halving, and the halving follows from the rows, so a retry after a crash (or after
   * the store went away mid-way, which throws) stores every row exactly once.
   */
  async insertIsolatingRefused(batch: ReportBatchJob): Promise<RefusedReport[]> {
    return this.insertOrHalve(batch, batch.reports, batch.batchId);
  }

  private async insertOrHalve(batch: ReportBatchJob, reports: readonly Report[], token: string): Promise<RefusedReport[]> {
    try {
      await this.insert(batch, reports, token);
      return [];
    } catch (error) {
      if (!isRefusedData(error)) throw error;
      const [only] = reports;
      if (reports.length === 1 && only) return [{ report: only, reason: (error as Error).message.split('\n')[0] ?? '' }];
      const middle = Math.ceil(reports.length / 2);
      const first = await this.insertOrHalve(batch, reports.slice(0, middle), `${token}/1`);
      const second = await this.insertOrHalve(batch, reports.slice(middle), `${token}/2`);
      return [...first, ...second];
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
