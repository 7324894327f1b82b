import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_QUEUES, JOBS, type JobName, type JobPayload } from './job-definitions';
import { QUEUE_PREFIX } from './queue-definitions';

/**
 * The one way a process puts jobs on the pipeline's queues: the job's queue and options come from its definition,
 * so no caller repeats them. One BullMQ queue per queue name, all on the connection given.
 */
export class JobProducer {
  private readonly queues: ReadonlyMap<string, Queue>;

  constructor(readonly connection: Redis) {
    this.queues = new Map(JOB_QUEUES.map((name) => [name, new Queue(name, { prefix: QUEUE_PREFIX, connection })]));
    // A queue re-emits its connection's errors, and BullMQ prints them when nobody listens. A failed add rejects its
    // caller (the API answers 503); the connection's loss is its owner's to tell, once.
    for (const queue of this.queues.values()) queue.on('error', () => undefined);
  }

  async ready(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.waitUntilReady()));
  }

  /** Resolves once the job is in Redis. `jobId` makes a repeated add of the same job a no-op. */
  async add<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): Promise<void> {
    const definition = JOBS[name];
    const queue = this.queues.get(definition.queue);
    if (!queue) throw new Error(`no queue ${definition.queue} for job ${name}`);
    await queue.add(name, payload, { ...definition.options, jobId });
  }

  /** Closes the queues; `connection` stays open for its owner to close. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
