import type { Redis } from 'ioredis';
import { JOB_QUEUES } from '../job-definitions';
import { QueueBacklog } from '../queue-backlog';

export interface BacklogCounts {
  /** Not yet taken by a worker (waiting or prioritized). */
  readonly waiting: number;
  readonly active: number;
  /** Waiting for a retry after a failed attempt. */
  readonly delayed: number;
  /** Parked after the last attempt, for an operator. */
  readonly failed: number;
}

export interface PipelineBacklogState {
  readonly counts: BacklogCounts;
  /** When the oldest job not yet taken was queued; null when none waits. */
  readonly oldestWaitingSince: Date | null;
}

/**
 * What the pipeline's queues hold, from BullMQ's own keys, which every process shares: counts by state, and when the
 * oldest waiting job was queued (the same sample the ingest backpressure takes, without reading a payload). Reads
 * only; the queues are opened on the caller's connection, which stays its to close.
 */
export class PipelineBacklog {
  private readonly queues: readonly QueueBacklog[];

  constructor(connection: Redis) {
    this.queues = JOB_QUEUES.map((name) => new QueueBacklog(connection, name));
  }

  async read(): Promise<PipelineBacklogState> {
    const perQueue = await Promise.all(this.queues.map((backlog) => this.readQueue(backlog)));
    const sum = (pick: (counts: BacklogCounts) => number): number => perQueue.reduce((total, { counts }) => total + pick(counts), 0);
    const oldest = perQueue.flatMap(({ oldestAt }) => (oldestAt === null ? [] : [oldestAt]));
    return {
      counts: { waiting: sum((c) => c.waiting), active: sum((c) => c.active), delayed: sum((c) => c.delayed), failed: sum((c) => c.failed) },
      oldestWaitingSince: oldest.length === 0 ? null : new Date(Math.min(...oldest)),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((backlog) => backlog.close()));
  }

  private async readQueue(backlog: QueueBacklog): Promise<{ counts: BacklogCounts; oldestAt: number | null }> {
    const [counts, sample] = await Promise.all([backlog.jobCounts('wait', 'prioritized', 'active', 'delayed', 'failed'), backlog.sample()]);
    const count = (state: string): number => counts[state] ?? 0;
    return {
      counts: { waiting: count('wait') + count('prioritized'), active: count('active'), delayed: count('delayed'), failed: count('failed') },
      oldestAt: sample.oldestWaitingAddedAt,
    };
  }
}
