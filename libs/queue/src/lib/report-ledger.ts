import type { Redis } from 'ioredis';
import { IDEMPOTENCY_TTL_SECONDS, reportKey } from './queue-definitions';

/**
 * The worker stores a report only for the batch that owns its id. An id is owned by the first batch that asks
 * (the API marks it right after queueing; otherwise the worker claims it) and stays owned by that batch, so a
 * retried batch keeps exactly the rows it had and its ClickHouse deduplication token stays valid.
 */
const CLAIM_FOR_STORE = `
local batch = ARGV[1]
local ttl = ARGV[2]
local owned = {}
for i, key in ipairs(KEYS) do
  local owner = redis.call('GET', key)
  if not owner then
    redis.call('SET', key, batch, 'EX', ttl)
    owned[i] = 1
  elseif owner == batch then
    owned[i] = 1
  else
    owned[i] = 0
  end
end
return owned
`;

type LedgerRedis = Redis & { claimForStore(...args: Array<string | number>): Promise<number[]> };

/**
 * Which report ids are already taken, and by which batch. Only ever written with the id of a batch that is
 * durably queued, so no crash can leave an id marked that no batch will store.
 */
export class ReportLedger {
  private readonly redis: LedgerRedis;

  constructor(redis: Redis) {
    redis.defineCommand('claimForStore', { lua: CLAIM_FOR_STORE });
    this.redis = redis as LedgerRedis;
  }

  /** One flag per id: true when some batch already holds it (so a new copy is a duplicate). */
  async taken(ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const owners = await this.redis.mget(ids.map(reportKey));
    return owners.map((owner) => owner !== null);
  }

  /** After the batch is queued: later copies of these ids are answered as duplicates. */
  async markQueued(batchId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.set(reportKey(id), batchId, 'EX', IDEMPOTENCY_TTL_SECONDS, 'NX');
    const results = await pipeline.exec();
    const failure = results?.find(([error]) => error !== null)?.[0];
    if (failure) throw failure;
  }

  /** In the worker, before storing: one flag per id, true when this batch owns it and must store it. */
  async claimForStore(batchId: string, ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const flags = await this.redis.claimForStore(ids.length, ...ids.map(reportKey), batchId, IDEMPOTENCY_TTL_SECONDS);
    return flags.map((flag) => flag === 1);
  }
}
