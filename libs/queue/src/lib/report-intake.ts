import type { IngestAccepted, Report, ReportBatchJob } from '@grid-command/contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { STORE_BATCH_JOB, STORE_BATCH_JOB_OPTIONS } from './queue-definitions';
import type { ReportLedger } from './report-ledger';

export class QueueUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the report queue is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'QueueUnavailableError';
  }
}

export interface ReportIntakeOptions {
  /** How long a submission waits for others to share its Redis round trips. */
  readonly flushAfterMs: number;
  /** A group this large is flushed at once. */
  readonly maxGroupReports: number;
}

export interface IntakeLogger {
  warn(message: string): void;
}

interface PendingSubmission {
  readonly reports: readonly Report[];
  readonly resolve: (result: IngestAccepted) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commit: reports submitted within a few milliseconds of each other are checked in one round trip and
 * queued as one job, so throughput is not capped at one Redis round trip per report. A submission resolves only
 * once its job is in Redis (fsynced by the append-only file), or rejects with nothing of it queued.
 *
 * Ids are marked as taken only after the job is queued. A crash in between leaves them unmarked, so the client's
 * retry is queued again and the worker's ownership check stores the report once.
 */
export class ReportIntake {
  private pending: PendingSubmission[] = [];
  private pendingReports = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly queue: Queue<ReportBatchJob>,
    private readonly ledger: ReportLedger,
    private readonly options: ReportIntakeOptions,
    private readonly logger: IntakeLogger,
  ) {}

  submit(reports: readonly Report[]): Promise<IngestAccepted> {
    return new Promise<IngestAccepted>((resolve, reject) => {
      this.pending.push({ reports, resolve, reject });
      this.pendingReports += reports.length;
      if (this.pendingReports >= this.options.maxGroupReports) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.flushAfterMs);
    });
  }

  /** Flushes what is pending and waits for every group in flight. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    this.pendingReports = 0;
    const commit = this.commit(group).finally(() => this.inFlight.delete(commit));
    this.inFlight.add(commit);
  }

  private async commit(group: readonly PendingSubmission[]): Promise<void> {
    const batchId = randomUUID();
    const reports = group.flatMap((submission) => submission.reports);
    let isNew: boolean[];
    try {
      const taken = await this.ledger.taken(reports.map((report) => report.id));
      const seen = new Set<string>();
      isNew = reports.map((report, index) => {
        const fresh = !taken[index] && !seen.has(report.id);
        seen.add(report.id);
        return fresh;
      });
    } catch (error) {
      for (const submission of group) submission.reject(new QueueUnavailableError(error));
      return;
    }
    const accepted = reports.filter((_, index) => isNew[index]);
    if (accepted.length > 0) {
      try {
        const job: ReportBatchJob = { batchId, acceptedAt: new Date().toISOString(), reports: accepted };
        await this.queue.add(STORE_BATCH_JOB, job, { ...STORE_BATCH_JOB_OPTIONS, jobId: batchId });
      } catch (error) {
        for (const submission of group) submission.reject(new QueueUnavailableError(error));
        return;
      }
      // Already durable; a failed mark only means a quick resend is queued again and then stored once.
      await this.ledger.markQueued(batchId, accepted.map((report) => report.id)).catch((error: Error) => {
        this.logger.warn(`batch ${batchId} is queued but its ids could not be marked: ${error.message}`);
      });
    }
    let offset = 0;
    for (const submission of group) {
      const flags = isNew.slice(offset, offset + submission.reports.length);
      offset += submission.reports.length;
      const acceptedCount = flags.filter(Boolean).length;
      submission.resolve({ accepted: acceptedCount, duplicates: flags.length - acceptedCount });
    }
  }
}
