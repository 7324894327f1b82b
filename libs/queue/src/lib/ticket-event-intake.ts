import type { TicketEventBatchJob } from '@grid-command/contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { STORE_BATCH_JOB_OPTIONS, STORE_TICKET_EVENTS_JOB } from './queue-definitions';
import { GroupCommit } from './group-commit';
import type { IntakeLogger } from './report-intake';
import type { OutboxEntry, TicketRecordStore } from './ticket-record-store';

export interface TicketEventIntakeOptions {
  readonly flushAfterMs: number;
  readonly maxGroupEvents: number;
}

/**
 * Moves recorded events from the outbox into the reports queue, grouping those recorded within a few
 * milliseconds into one job (one ClickHouse insert). The events are already durable in the outbox, so a failure
 * here loses nothing: the entries stay and `requeueStranded` queues them later.
 */
export class TicketEventIntake {
  private readonly group: GroupCommit<readonly OutboxEntry[], void>;

  constructor(
    private readonly queue: Queue<TicketEventBatchJob>,
    private readonly records: TicketRecordStore,
    private readonly options: TicketEventIntakeOptions,
    private readonly logger: IntakeLogger,
  ) {
    this.group = new GroupCommit((submissions) => this.commit(submissions), (entries) => entries.length, {
      flushAfterMs: options.flushAfterMs,
      maxGroupSize: options.maxGroupEvents,
    });
  }

  /** Resolves once the events are queued, or once queueing failed and they were left in the outbox. */
  submit(entries: readonly OutboxEntry[]): Promise<void> {
    return this.group.submit(entries);
  }

  /** Queues outbox entries older than `olderThanMs` (a crashed process's); a duplicate is harmless downstream. */
  async requeueStranded(olderThanMs: number): Promise<number> {
    const stranded = await this.records.strandedOutboxEntries(Date.now() - olderThanMs, this.options.maxGroupEvents);
    if (stranded.length > 0) await this.enqueue(stranded);
    return stranded.length;
  }

  drain(): Promise<void> {
    return this.group.drain();
  }

  private async commit(submissions: ReadonlyArray<readonly OutboxEntry[]>): Promise<void[]> {
    await this.enqueue(submissions.flat()).catch((error: Error) =>
      this.logger.warn(`ticket events stay in the outbox for a later retry: ${error.message}`),
    );
    return submissions.map(() => undefined);
  }

  private async enqueue(entries: readonly OutboxEntry[]): Promise<void> {
    const batchId = randomUUID();
    const job: TicketEventBatchJob = { batchId, events: entries.map(({ event, ticket }) => ({ event, ticket })) };
    await this.queue.add(STORE_TICKET_EVENTS_JOB, job, { ...STORE_BATCH_JOB_OPTIONS, jobId: batchId });
    await this.records.removeFromOutbox(entries.map(({ event }) => event.id));
  }
}
