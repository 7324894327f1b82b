import type { Redis } from 'ioredis';
import { alertReportsKey } from './queue-definitions';
import { execOrThrow } from './redis-pipeline';

/** The reports behind each alert, as a set: a repeated id is counted once, however often a rule adds it. */
export class AlertReportSets {
  constructor(private readonly redis: Redis) {}

  /** Adds reports behind an alert and answers how many distinct ones it has. */
  async add(alertId: string, reportIds: readonly string[]): Promise<number> {
    const [count] = await this.addToMany([{ alertId, reportIds }]);
    return count ?? 0;
  }

  /** Adds reports behind several alerts in one round trip; answers each alert's count of distinct reports. */
  async addToMany(additions: ReadonlyArray<{ readonly alertId: string; readonly reportIds: readonly string[] }>): Promise<number[]> {
    if (additions.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const { alertId, reportIds } of additions) {
      if (reportIds.length > 0) pipeline.sadd(alertReportsKey(alertId), ...reportIds);
      pipeline.scard(alertReportsKey(alertId));
    }
    const results = await execOrThrow(pipeline);
    const counts: number[] = [];
    let position = 0;
    for (const { reportIds } of additions) {
      position += reportIds.length > 0 ? 2 : 1;
      counts.push(Number(results[position - 1]));
    }
    return counts;
  }

  async list(alertId: string, limit: number): Promise<string[]> {
    return (await this.redis.smembers(alertReportsKey(alertId))).slice(0, limit);
  }
}
