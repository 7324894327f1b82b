import type { Redis } from 'ioredis';
import { ALERTED_REPORT_TTL_SECONDS, alertedReportKey } from './queue-definitions';
import { execOrThrow } from './redis-pipeline';

/**
 * Marks the reports whose critical alert was raised: the ingest API and the worker both raise critical alerts, and
 * the second to look must not raise a report again (after a close, say).
 */
export class AlertedReportMarks {
  constructor(private readonly redis: Redis) {}

  /** One flag per report: true when its critical alert was raised already. */
  async marked(reportIds: readonly string[]): Promise<boolean[]> {
    if (reportIds.length === 0) return [];
    const values = await this.redis.mget(...reportIds.map(alertedReportKey));
    return values.map((value) => value !== null);
  }

  async mark(reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of reportIds) pipeline.set(alertedReportKey(id), '1', 'EX', ALERTED_REPORT_TTL_SECONDS);
    await execOrThrow(pipeline);
  }
}
