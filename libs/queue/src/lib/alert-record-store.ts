import type { Alert, AlertChange, AlertNotice } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import {
  ALERT_INDEX_KEY,
  ALERT_OPEN_KEY,
  ALERT_OUTBOX_KEY,
  ALERTS_CHANNEL,
  alertCooldownKey,
  alertKey,
  alertReportsKey,
  CLOSED_ALERT_TTL_SECONDS,
} from './queue-definitions';
import { RedisOutbox } from './redis-outbox';

/** One alert version waiting in the outbox for ClickHouse. */
export interface AlertOutboxEntry {
  readonly alert: Alert;
  readonly change: AlertChange;
  /** When the entry was written (epoch ms), so an entry that waits in the outbox shows how long it has waited. */
  readonly recordedAt: number;
}

/**
 * Opens the alert unless one with its dedup key is already open, then writes the record, indexes it, puts it in
 * the outbox, seeds its report set and announces it, all in one step. Returns '' when opened, else the id of the
 * alert already open.
 * KEYS: open, record, index, outbox, reports. ARGV: dedup key, id, version, record, updated at ms, outbox field,
 * outbox entry, channel, notice, then the report ids.
 */
const OPEN_ALERT = `
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return existing end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], 'v', ARGV[3], 'r', ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[2])
redis.call('HSET', KEYS[4], ARGV[6], ARGV[7])
if #ARGV > 9 then redis.call('SADD', KEYS[5], unpack(ARGV, 10)) end
redis.call('PUBLISH', ARGV[8], ARGV[9])
return ''
`;

/**
 * Compare-and-set on the version: the first of two officers wins. A closing change also frees the dedup key, starts
 * the cooldown and lets the record expire.
 * KEYS: record, index, outbox, open, cooldown, reports. ARGV: expected version, version, record, updated at ms,
 * outbox field, outbox entry, channel, notice, closing ('1'/'0'), dedup key, id, cooldown ms, closed ttl s.
 */
const UPDATE_ALERT = `
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'r', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[11])
redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
if ARGV[9] == '1' then
  if redis.call('HGET', KEYS[4], ARGV[10]) == ARGV[11] then redis.call('HDEL', KEYS[4], ARGV[10]) end
  if tonumber(ARGV[12]) > 0 then redis.call('SET', KEYS[5], ARGV[4], 'PX', ARGV[12]) end
  redis.call('EXPIRE', KEYS[1], ARGV[13])
  redis.call('EXPIRE', KEYS[6], ARGV[13])
end
redis.call('PUBLISH', ARGV[7], ARGV[8])
return 1
`;

type AlertRedis = Redis & {
  openAlert(...args: Array<string | number>): Promise<string>;
  updateAlert(...args: Array<string | number>): Promise<number>;
};

/**
 * Alerts' live records in Redis, the authority every process checks actions against: the record, the one open
 * alert per dedup key, an index by last change and the cooldown after a close. Each change is announced on a
 * channel (the live processes push it to sockets) and put in the outbox for the history in ClickHouse, in the same
 * atomic step as the change itself.
 */
export class AlertRecordStore {
  private readonly redis: AlertRedis;

  constructor(redis: Redis) {
    redis.defineCommand('openAlert', { numberOfKeys: 5, lua: OPEN_ALERT });
    redis.defineCommand('updateAlert', { numberOfKeys: 6, lua: UPDATE_ALERT });
    this.redis = redis as AlertRedis;
  }

  async get(id: string): Promise<Alert | null> {
    const text = await this.redis.hget(alertKey(id), 'r');
    return text === null ? null : (JSON.parse(text) as Alert);
  }

  async getMany(ids: readonly string[]): Promise<Alert[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(alertKey(id), 'r');
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([error, text]) => (error || typeof text !== 'string' ? [] : [JSON.parse(text) as Alert]));
  }

  async openIdFor(dedupKey: string): Promise<string | null> {
    return this.redis.hget(ALERT_OPEN_KEY, dedupKey);
  }

  /** The open alert's id for each dedup key, or null. */
  async openIdsFor(dedupKeys: readonly string[]): Promise<Array<string | null>> {
    return dedupKeys.length === 0 ? [] : this.redis.hmget(ALERT_OPEN_KEY, ...dedupKeys);
  }

  /** Every alert not closed yet. */
  async openAlerts(): Promise<Alert[]> {
    return this.getMany(await this.redis.hvals(ALERT_OPEN_KEY));
  }

  /** When the last alert with this key was closed, while its cooldown runs. */
  async lastClosedAt(dedupKey: string): Promise<number | null> {
    const value = await this.redis.get(alertCooldownKey(dedupKey));
    return value === null ? null : Number(value);
  }

  /** Opens the alert, or answers the id of the one already open for its dedup key. */
  async open(alert: Alert): Promise<{ readonly opened: true } | { readonly opened: false; readonly openId: string }> {
    const change: AlertChange = 'opened';
    const existing = await this.redis.openAlert(
      ALERT_OPEN_KEY,
      alertKey(alert.id),
      ALERT_INDEX_KEY,
      ALERT_OUTBOX_KEY,
      alertReportsKey(alert.id),
      alert.dedupKey,
      alert.id,
      String(alert.version),
      JSON.stringify(alert),
      Date.parse(alert.updatedAt),
      alertOutboxField({ alert }),
      JSON.stringify({ alert, change, recordedAt: Date.now() } satisfies AlertOutboxEntry),
      ALERTS_CHANNEL,
      JSON.stringify({ alert, change } satisfies AlertNotice),
      ...alert.reportIds,
    );
    return existing === '' ? { opened: true } : { opened: false, openId: existing };
  }

  /** Writes `next` if the stored alert is still at `expectedVersion`; false when another change got there first. */
  async update(expectedVersion: number, next: Alert, change: AlertChange, cooldownMs: number): Promise<boolean> {
    const closing = next.state === 'closed';
    const written = await this.redis.updateAlert(
      alertKey(next.id),
      ALERT_INDEX_KEY,
      ALERT_OUTBOX_KEY,
      ALERT_OPEN_KEY,
      alertCooldownKey(next.dedupKey),
      alertReportsKey(next.id),
      String(expectedVersion),
      String(next.version),
      JSON.stringify(next),
      Date.parse(next.updatedAt),
      alertOutboxField({ alert: next }),
      JSON.stringify({ alert: next, change, recordedAt: Date.now() } satisfies AlertOutboxEntry),
      ALERTS_CHANNEL,
      JSON.stringify({ alert: next, change } satisfies AlertNotice),
      closing ? '1' : '0',
      next.dedupKey,
      next.id,
      Math.round(cooldownMs),
      CLOSED_ALERT_TTL_SECONDS,
    );
    return written === 1;
  }

  /** Alerts changed at or after `sinceMs`, oldest change first; index entries of expired alerts are dropped. */
  async changedSince(sinceMs: number): Promise<Alert[]> {
    const ids = await this.redis.zrangebyscore(ALERT_INDEX_KEY, sinceMs, '+inf');
    const alerts = await this.getMany(ids);
    if (alerts.length < ids.length) {
      const present = new Set(alerts.map((alert) => alert.id));
      const gone = ids.filter((id) => !present.has(id));
      if (gone.length > 0) await this.redis.zrem(ALERT_INDEX_KEY, ...gone);
    }
    return alerts;
  }
}

/** The outbox field of an alert version, as the scripts above write it. */
function alertOutboxField({ alert }: Pick<AlertOutboxEntry, 'alert'>): string {
  return `${alert.id}:${alert.version}`;
}

/** Alert versions on their way to ClickHouse's duty log. */
export function alertOutbox(redis: Redis): RedisOutbox<AlertOutboxEntry> {
  return new RedisOutbox<AlertOutboxEntry>(redis, ALERT_OUTBOX_KEY, alertOutboxField);
}
