import type { Redis } from 'ioredis';
import { batchJobKey, batchStoredKey, IDEMPOTENCY_TTL_SECONDS, reportKey } from './queue-definitions';

/**
 * Claims report ids for one batch, atomically. An id is claimed when nobody holds it, or when its holder is an
 * abandoned batch: one whose job never reached the queue (the process died between claim and enqueue) and is
 * older than the grace period. Without that, a crash in that instant would turn the client's retry into a
 * "duplicate" of a report that was never stored.
 */
const CLAIM_SCRIPT = `
local batch = ARGV[1]
local ttl = ARGV[2]
local grace_ms = tonumber(ARGV[3])
local job_prefix = ARGV[4]
local stored_prefix = ARGV[5]
local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local value = batch .. '|' .. now_ms
local claimed = {}
for i, key in ipairs(KEYS) do
  local holder = redis.call('GET', key)
  local take = false
  if not holder then
    take = true
  else
    local sep = string.find(holder, '|', 1, true)
    local owner = string.sub(holder, 1, sep - 1)
    local since = tonumber(string.sub(holder, sep + 1))
    take = owner ~= batch
      and now_ms - since > grace_ms
      and redis.call('EXISTS', job_prefix .. owner) == 0
      and redis.call('EXISTS', stored_prefix .. owner) == 0
  end
  if take then
    redis.call('SET', key, value, 'EX', ttl)
    claimed[i] = 1
  else
    claimed[i] = 0
  end
end
return claimed
`;

/** Gives back the ids a batch claimed when its job could not be queued, so the client's retry is accepted. */
const RELEASE_SCRIPT = `
local prefix = ARGV[1] .. '|'
local released = 0
for _, key in ipairs(KEYS) do
  local holder = redis.call('GET', key)
  if holder and string.sub(holder, 1, #prefix) == prefix then
    redis.call('DEL', key)
    released = released + 1
  end
end
return released
`;

/** Longer than any enqueue can take (commands time out after 5 s), so a live batch is never taken over. */
export const ABANDONED_CLAIM_GRACE_MS = 30_000;

type ClaimingRedis = Redis & {
  claimReports(...args: Array<string | number>): Promise<number[]>;
  releaseReports(...args: Array<string | number>): Promise<number>;
};

export class ReportClaims {
  private readonly redis: ClaimingRedis;

  constructor(
    redis: Redis,
    private readonly abandonedAfterMs = ABANDONED_CLAIM_GRACE_MS,
  ) {
    redis.defineCommand('claimReports', { lua: CLAIM_SCRIPT });
    redis.defineCommand('releaseReports', { lua: RELEASE_SCRIPT });
    this.redis = redis as ClaimingRedis;
  }

  /** One flag per id, in order: true when this batch now holds the id, false for a duplicate. */
  async claim(batchId: string, ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const flags = await this.redis.claimReports(
      ids.length,
      ...ids.map(reportKey),
      batchId,
      IDEMPOTENCY_TTL_SECONDS,
      this.abandonedAfterMs,
      batchJobKey(''),
      batchStoredKey(''),
    );
    return flags.map((flag) => flag === 1);
  }

  async release(batchId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.redis.releaseReports(ids.length, ...ids.map(reportKey), batchId);
  }
}
