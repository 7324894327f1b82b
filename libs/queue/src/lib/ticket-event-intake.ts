import type { TicketEventBatchJob } from '@grid-command/contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { STORE_BATCH_JOB_OPTIONS, STORE_TICKET_EVENTS_JOB } from './queue-definitions';
import type { IntakeLogger } from './report-intake';
import type { OutboxEntry, TicketRecordStore } from './ticket-record-store';

export interface TicketEventIntakeOptions {
  readonly flushAfterMs: number;
  readonly maxGroupEvents: number;
}

interface Pending {
  readonly entries: readonly OutboxEntry[];
  readonly done: () => void;
}

/**
 * Moves recorded events from the outbox into the reports queue, grouping those recorded within a few
 * milliseconds into one job (one ClickHouse insert). The events are already durable in the outbox, so a failure
 * here loses nothing: the entries stay and `requeueStranded` queues them later.
 */
export class TicketEventIntake {
  private pending: Pending[] = [];
  private pendingEvents = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly queue: Queue<TicketEventBatchJob>,
    private readonly records: TicketRecordStore,
    private readonly options: TicketEventIntakeOptions,
    private readonly logger: IntakeLogger,
  ) {}

  /** Resolves once the events are queued, or once queueing failed and they were left in the outbox. */
  submit(entries: readonly OutboxEntry[]): Promise<void> {
    return new Promise<void>((resolve) => {
      this.pending.push({ entries, done: resolve });
      this.pendingEvents += entries.length;
      if (this.pendingEvents >= this.options.maxGroupEvents) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.flushAfterMs);
    });
  }

  /** Queues outbox entries older than `olderThanMs` (a crashed process's); a duplicate is harmless downstream. */
  async requeueStranded(olderThanMs: number): Promise<number> {
    const stranded = await this.records.strandedOutboxEntries(Date.now() - olderThanMs, this.options.maxGroupEvents);
    if (stranded.length > 0) await this.enqueue(stranded);
    return stranded.length;
  }

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
    this.pendingEvents = 0;
    const commit = this.enqueue(group.flatMap((pending) => pending.entries))
      .catch((error: Error) => this.logger.warn(`ticket events stay in the outbox for a later retry: ${error.message}`))
      .finally(() => {
        for (const pending of group) pending.done();
        this.inFlight.delete(commit);
      });
    this.inFlight.add(commit);
  }

  private async enqueue(entries: readonly OutboxEntry[]): Promise<void> {
    const batchId = randomUUID();
    const job: TicketEventBatchJob = { batchId, events: entries.map(({ event, ticket }) => ({ event, ticket })) };
    await this.queue.add(STORE_TICKET_EVENTS_JOB, job, { ...STORE_BATCH_JOB_OPTIONS, jobId: batchId });
    await this.records.removeFromOutbox(entries.map(({ event }) => event.id));
  }
}
