import type { IngestAccepted, Report, ReportBatchJob } from '@grid-command/contracts';
import { randomUUID } from 'node:crypto';
import { GroupCommit } from './group-commit';
import type { JobProducer } from './job-producer';
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
  /** Told how many reports each queued group held, once it is in Redis; not awaited, so it never delays the 202. */
  readonly onQueued?: (reports: number) => void;
}

export interface IntakeLogger {
  warn(message: string): void;
}

/**
 * Reports submitted within a few milliseconds of each other are checked in one round trip and queued as one
 * job. A submission resolves only once its job is in Redis (fsynced by the append-only file), or rejects with
 * nothing of it queued.
 *
 * Ids are marked as taken only after the job is queued. A crash in between leaves them unmarked, so the client's
 * retry is queued again and the worker's ownership check stores the report once.
 */
export class ReportIntake {
  private readonly group: GroupCommit<readonly Report[], IngestAccepted>;

  constructor(
    private readonly jobs: JobProducer,
    private readonly ledger: ReportLedger,
    private readonly options: ReportIntakeOptions,
    private readonly logger: IntakeLogger,
  ) {
    this.group = new GroupCommit((submissions) => this.commit(submissions), (reports) => reports.length, {
      flushAfterMs: options.flushAfterMs,
      maxGroupSize: options.maxGroupReports,
    });
  }

  submit(reports: readonly Report[]): Promise<IngestAccepted> {
    return this.group.submit(reports);
  }

  /** Flushes what is pending and waits for every group in flight. */
  drain(): Promise<void> {
    return this.group.drain();
  }

  private async commit(submissions: ReadonlyArray<readonly Report[]>): Promise<IngestAccepted[]> {
    const batchId = randomUUID();
    const reports = submissions.flat();
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
      throw new QueueUnavailableError(error);
    }
    const accepted = reports.filter((_, index) => isNew[index]);
    if (accepted.length > 0) {
      try {
        const job: ReportBatchJob = { batchId, acceptedAt: new Date().toISOString(), reports: accepted };
        await this.jobs.add('store-batch', job, batchId);
      } catch (error) {
        throw new QueueUnavailableError(error);
      }
      this.options.onQueued?.(accepted.length);
      // Already durable; a failed mark only means a quick resend is queued again and then stored once.
      await this.ledger.markQueued(batchId, accepted.map((report) => report.id)).catch((error: Error) => {
        this.logger.warn(`batch ${batchId} is queued but its ids could not be marked: ${error.message}`);
      });
    }
    let offset = 0;
    return submissions.map((submission) => {
      const flags = isNew.slice(offset, offset + submission.length);
      offset += submission.length;
      const acceptedCount = flags.filter(Boolean).length;
      return { accepted: acceptedCount, duplicates: flags.length - acceptedCount };
    });
  }
}
