import { Queue, type JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from './queue-definitions';

/** How far behind a queue's workers are, as one sample. */
export interface QueueBacklogSample {
  /** Jobs not yet taken by a worker: waiting (also while the queue is paused), prioritized and delayed (a failed batch waiting for its retry). */
  readonly waitingJobs: number;
  /** When the oldest waiting job was added (ms since the epoch); null when none waits. */
  readonly oldestWaitingAddedAt: number | null;
}

/**
 * Reads a queue's backlog without reading any job's payload (a job holds up to a thousand reports): BullMQ's counts,
 * then the id at the worker's end of the wait list (workers take from the right) and that job's `timestamp` field.
 */
export class QueueBacklog {
  private readonly queue: Queue;

  constructor(
    private readonly connection: Redis,
    queueName: string,
  ) {
    this.queue = new Queue(queueName, { prefix: QUEUE_PREFIX, connection });
    // A lost connection is told once by whoever owns it; BullMQ would print every reconnection attempt otherwise.
    this.queue.on('error', () => undefined);
  }

  /** BullMQ's counts of jobs in each of `states`. */
  jobCounts(...states: JobType[]): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }

  async sample(): Promise<QueueBacklogSample> {
    const counts = await this.jobCounts('wait', 'prioritized', 'delayed');
    const waitingJobs = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const oldestId = await this.connection.lindex(this.queue.toKey('wait'), -1);
    const addedAt = oldestId === null ? null : await this.connection.hget(this.queue.toKey(oldestId), 'timestamp');
    return { waitingJobs, oldestWaitingAddedAt: addedAt === null ? null : Number(addedAt) };
  }

  /** Closes the BullMQ queue; the connection stays open for its owner to close. */
  close(): Promise<void> {
    return this.queue.close();
  }
}
