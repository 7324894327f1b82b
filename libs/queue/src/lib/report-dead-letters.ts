import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from './queue-definitions';

/** Reports the worker could not store, kept for the operator: `HLEN` counts them, `HGETALL` shows why. */
export const REPORT_DEAD_LETTERS_KEY = `${QUEUE_PREFIX}:reports:dead-letters`;

export interface ParkedReport {
  readonly batchId: string;
  /** Position of the report in its batch, which with the batch id names it even when its own id is unreadable. */
  readonly index: number;
  readonly reason: string;
  /** The report as it was queued. */
  readonly report: unknown;
  readonly parkedAt: string;
}

/**
 * Where a report goes that passed the API's validation but that the store refuses (a rule added since it was queued,
 * text or a value ClickHouse cannot hold), so it never holds back the other reports of its batch. One field per
 * (batch, index): a retried batch parks the same report once.
 */
export class ReportDeadLetters {
  constructor(private readonly redis: Redis) {}

  async park(reports: readonly ParkedReport[]): Promise<void> {
    if (reports.length === 0) return;
    await this.redis.hset(REPORT_DEAD_LETTERS_KEY, ...reports.flatMap((parked) => [`${parked.batchId}#${parked.index}`, JSON.stringify(parked)]));
  }

  count(): Promise<number> {
    return this.redis.hlen(REPORT_DEAD_LETTERS_KEY);
  }

  async list(): Promise<ParkedReport[]> {
    return Object.values(await this.redis.hgetall(REPORT_DEAD_LETTERS_KEY)).map((value) => JSON.parse(value) as ParkedReport);
  }
}
