import type { DeadLetter } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { IDEMPOTENCY_TTL_SECONDS, QUEUE_PREFIX } from './queue-definitions';

/** Reports the worker could not store, kept for the operator: `HLEN` counts them, `HGETALL` shows why. */
export const REPORT_DEAD_LETTERS_KEY = `${QUEUE_PREFIX}:reports:dead-letters`;
/** Report id → dead-letter id, so a ticket looked up by its report id can say why it is not stored. */
const BY_REPORT_KEY = `${REPORT_DEAD_LETTERS_KEY}:by-report`;
/** Dead-letter ids scored by when they were parked, for paging oldest first. */
const ORDER_KEY = `${REPORT_DEAD_LETTERS_KEY}:order`;
/** `…:replayed:<id>`: set for a while once a letter was replayed, so a late redelivery of its batch does not park it again. */
const REPLAYED_PREFIX = `${REPORT_DEAD_LETTERS_KEY}:replayed:`;

/** A dead letter as Redis keeps it: the place its grid names is read from the reference data, which the API holds. */
export type DeadLetterWithoutPlace = Omit<DeadLetter, 'place'>;

export interface ParkedReport {
  readonly batchId: string;
  /** Position of the report in its batch, which with the batch id names it even when its own id is unreadable. */
  readonly index: number;
  readonly reason: string;
  /** The report as it was queued (or as an operator last corrected it). */
  readonly report: unknown;
  readonly parkedAt: string;
  /** When the API accepted its batch, which the stored row keeps; absent on letters parked before it was kept. */
  readonly acceptedAt?: string;
  /** Replays tried that failed again. */
  readonly replays?: number;
}

/** Each new (batch, index) in one step with its indexes; one already parked, or replayed lately, is left as it is. */
const PARK = `
local parked = 0
for i = 2, #ARGV, 4 do
  local id = ARGV[i]
  if redis.call('EXISTS', ARGV[1] .. id) == 0 and redis.call('HSETNX', KEYS[1], id, ARGV[i + 1]) == 1 then
    redis.call('ZADD', KEYS[3], ARGV[i + 2], id)
    if ARGV[i + 3] ~= '' then redis.call('HSET', KEYS[2], ARGV[i + 3], id) end
    parked = parked + 1
  end
end
return parked
`;

type DeadLetterRedis = Redis & { parkDeadLetters(...args: Array<string | number>): Promise<number> };

export function deadLetterIdOf(parked: Pick<ParkedReport, 'batchId' | 'index'>): string {
  return `${parked.batchId}#${parked.index}`;
}

/** The report's own id, as the ledger and tickets key it, when the queued report holds one. */
function reportIdOf(report: unknown): string | null {
  const id = (report as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id.toLowerCase() : null;
}

function toDeadLetter(parked: ParkedReport): DeadLetterWithoutPlace {
  const gridCode = (parked.report as { gridCode?: unknown } | null)?.gridCode;
  return {
    id: deadLetterIdOf(parked),
    batchId: parked.batchId,
    index: parked.index,
    reportId: reportIdOf(parked.report),
    gridCode: typeof gridCode === 'string' ? gridCode : null,
    reason: parked.reason,
    parkedAt: parked.parkedAt,
    report: parked.report,
    replays: parked.replays ?? 0,
  };
}

/**
 * Where a report goes that passed the API's validation but that the store refuses (a rule added since it was queued,
 * text or a value ClickHouse cannot hold, any error the store answers while it is up), so it never holds back the
 * other reports of its batch, and where an operator sees, corrects and replays it. One field per (batch, index): a
 * retried batch parks the same report once.
 */
export class ReportDeadLetters {
  private readonly redis: DeadLetterRedis;

  constructor(redis: Redis) {
    redis.defineCommand('parkDeadLetters', { numberOfKeys: 3, lua: PARK });
    this.redis = redis as DeadLetterRedis;
  }

  /** Parks the reports not parked yet; answers how many were new. */
  async park(reports: readonly ParkedReport[]): Promise<number> {
    if (reports.length === 0) return 0;
    const fields = reports.flatMap((parked) => [deadLetterIdOf(parked), JSON.stringify(parked), Date.parse(parked.parkedAt), reportIdOf(parked.report) ?? '']);
    return this.redis.parkDeadLetters(REPORT_DEAD_LETTERS_KEY, BY_REPORT_KEY, ORDER_KEY, REPLAYED_PREFIX, ...fields);
  }

  count(): Promise<number> {
    return this.redis.hlen(REPORT_DEAD_LETTERS_KEY);
  }

  async list(): Promise<ParkedReport[]> {
    return Object.values(await this.redis.hgetall(REPORT_DEAD_LETTERS_KEY)).map((value) => JSON.parse(value) as ParkedReport);
  }

  /** Oldest parked first, `limit` from `offset`, and how many there are in all. */
  async page(offset: number, limit: number): Promise<{ deadLetters: DeadLetterWithoutPlace[]; total: number }> {
    const [total, ordered] = await Promise.all([this.count(), this.redis.zcard(ORDER_KEY)]);
    if (ordered < total) await this.indexLettersParkedWithoutIndexes();
    const ids = await this.redis.zrange(ORDER_KEY, offset, offset + limit - 1);
    if (ids.length === 0) return { deadLetters: [], total };
    const values = await this.redis.hmget(REPORT_DEAD_LETTERS_KEY, ...ids);
    return { deadLetters: values.flatMap((value) => (value === null ? [] : [toDeadLetter(JSON.parse(value) as ParkedReport)])), total };
  }

  /** Letters parked before the order and by-report indexes existed are indexed the first time they are listed. */
  private async indexLettersParkedWithoutIndexes(): Promise<void> {
    const entries = Object.entries(await this.redis.hgetall(REPORT_DEAD_LETTERS_KEY)).map(([id, value]) => [id, JSON.parse(value) as ParkedReport] as const);
    if (entries.length === 0) return;
    const transaction = this.redis.multi().zadd(ORDER_KEY, 'NX', ...entries.flatMap(([id, parked]) => [Date.parse(parked.parkedAt) || 0, id]));
    for (const [id, parked] of entries) {
      const reportId = reportIdOf(parked.report);
      if (reportId !== null) transaction.hsetnx(BY_REPORT_KEY, reportId, id);
    }
    await transaction.exec();
  }

  async get(id: string): Promise<ParkedReport | null> {
    const value = await this.redis.hget(REPORT_DEAD_LETTERS_KEY, id);
    return value === null ? null : (JSON.parse(value) as ParkedReport);
  }

  /** The dead letter of a report, by the report's id, if it has one. */
  async findByReport(reportId: string): Promise<DeadLetterWithoutPlace | null> {
    const id = await this.redis.hget(BY_REPORT_KEY, reportId.toLowerCase());
    const parked = id === null ? null : await this.get(id);
    return parked && reportIdOf(parked.report) === reportId.toLowerCase() ? toDeadLetter(parked) : null;
  }

  /** A replay failed again: the letter keeps the report tried and the new reason, and counts the replay. */
  async recordFailedReplay(parked: ParkedReport, report: unknown, reason: string): Promise<ParkedReport> {
    const next: ParkedReport = { ...parked, report, reason, replays: (parked.replays ?? 0) + 1 };
    const reportId = reportIdOf(report);
    const transaction = this.redis.multi().hset(REPORT_DEAD_LETTERS_KEY, deadLetterIdOf(parked), JSON.stringify(next));
    if (reportId !== null) transaction.hset(BY_REPORT_KEY, reportId, deadLetterIdOf(parked));
    await transaction.exec();
    return next;
  }

  /** The letter's report is stored: it goes, and a late redelivery of its batch does not park it again. */
  async remove(parked: ParkedReport): Promise<void> {
    const id = deadLetterIdOf(parked);
    const transaction = this.redis.multi().hdel(REPORT_DEAD_LETTERS_KEY, id).zrem(ORDER_KEY, id).set(`${REPLAYED_PREFIX}${id}`, '1', 'EX', IDEMPOTENCY_TTL_SECONDS);
    const reportId = reportIdOf(parked.report);
    if (reportId !== null) transaction.hdel(BY_REPORT_KEY, reportId);
    await transaction.exec();
  }
}
