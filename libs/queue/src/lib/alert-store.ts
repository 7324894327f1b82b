import { alertMuteSchema, alertNoticeSchema, type Alert, type AlertChange, type AlertMute, type AlertNotice } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { subscribeParsed } from './channel-subscription';
import { scanJsonHash } from './hash-scan';
import {
  ALERT_INDEX_KEY,
  ALERT_MUTE_SUPPRESSED_KEY,
  ALERT_MUTES_KEY,
  ALERT_OPEN_KEY,
  ALERT_OUTBOX_KEY,
  ALERTED_REPORT_TTL_SECONDS,
  ALERTS_CHANNEL,
  alertCooldownKey,
  alertedReportKey,
  alertKey,
  alertReportsKey,
  CLOSED_ALERT_TTL_SECONDS,
  spikeWindowKeyOf,
} from './queue-definitions';

/** A rule's spike window over a scope and a category. */
export interface SpikeWindowId {
  readonly ruleId: string;
  readonly scope: string;
  readonly category: string;
}

/** Reports to add to one spike window. */
export interface SpikeWindowUpdate extends SpikeWindowId {
  readonly entries: ReadonlyArray<{ readonly reportId: string; readonly reportedAtMs: number }>;
}

/** Reports after `opensAfterMs` and not after `endsAtMs` are inside. */
export interface SpikeWindowBounds {
  readonly opensAfterMs: number;
  readonly endsAtMs: number;
}

/** One alert version waiting in the outbox for ClickHouse. */
export interface AlertOutboxEntry {
  readonly alert: Alert;
  readonly change: AlertChange;
  readonly recordedAt: number;
}

/**
 * Opens the alert unless one with its dedup key is already open, then writes the record, indexes it, puts it in
 * the outbox and announces it, all in one step. Returns '' when opened, else the id of the alert already open.
 * KEYS: open, record, index, outbox. ARGV: dedup key, id, version, record, updated at ms, outbox field, outbox entry, channel, notice.
 */
const OPEN_ALERT = `
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return existing end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], 'v', ARGV[3], 'r', ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[2])
redis.call('HSET', KEYS[4], ARGV[6], ARGV[7])
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
 * Alerts' live state in Redis, the authority every process checks actions against. Each change is announced on
 * a channel (the live processes push it to sockets) and queued in an outbox for the history in ClickHouse, in the
 * same atomic step as the change itself.
 */
export class AlertStore {
  private readonly redis: AlertRedis;

  constructor(redis: Redis) {
    redis.defineCommand('openAlert', { numberOfKeys: 4, lua: OPEN_ALERT });
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
      alert.dedupKey,
      alert.id,
      String(alert.version),
      JSON.stringify(alert),
      Date.parse(alert.updatedAt),
      outboxField(alert),
      JSON.stringify({ alert, change, recordedAt: Date.now() } satisfies AlertOutboxEntry),
      ALERTS_CHANNEL,
      JSON.stringify({ alert, change } satisfies AlertNotice),
    );
    if (existing !== '') return { opened: false, openId: existing };
    if (alert.reportIds.length > 0) await this.redis.sadd(alertReportsKey(alert.id), ...alert.reportIds);
    return { opened: true };
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
      outboxField(next),
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

  /** Whether a critical alert was already raised for each of these reports. */
  async alreadyAlerted(reportIds: readonly string[]): Promise<boolean[]> {
    if (reportIds.length === 0) return [];
    const values = await this.redis.mget(...reportIds.map(alertedReportKey));
    return values.map((value) => value !== null);
  }

  async markAlerted(reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of reportIds) pipeline.set(alertedReportKey(id), '1', 'EX', ALERTED_REPORT_TTL_SECONDS);
    await execOrThrow(pipeline);
  }

  /** Adds reports behind an alert and answers how many distinct ones it has; a repeated id is counted once. */
  async addReports(alertId: string, reportIds: readonly string[]): Promise<number> {
    const [count] = await this.addReportsToMany([{ alertId, reportIds }]);
    return count ?? 0;
  }

  async reportIds(alertId: string, limit: number): Promise<string[]> {
    return (await this.redis.smembers(alertReportsKey(alertId))).slice(0, limit);
  }

  /** Ids of alerts changed at or after `sinceMs`, oldest change first; index entries of expired alerts are dropped. */
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

  /**
   * Adds reports to spike windows, drops what has left them and counts what is inside (after `opensAfterMs`, not
   * after `endsAtMs`), every window in one round trip. A window's key expires when nothing came for `ttlMs`.
   */
  async countSpikeWindows(updates: readonly SpikeWindowUpdate[], window: SpikeWindowBounds, ttlMs: number): Promise<number[]> {
    if (updates.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const update of updates) {
      const key = spikeWindowKeyOf(update.ruleId, update.scope, update.category);
      pipeline.zadd(key, ...update.entries.flatMap((entry) => [entry.reportedAtMs, entry.reportId]));
      pipeline.zremrangebyscore(key, '-inf', window.opensAfterMs);
      pipeline.zcount(key, `(${window.opensAfterMs}`, window.endsAtMs);
      pipeline.pexpire(key, Math.ceil(ttlMs));
    }
    const results = await execOrThrow(pipeline);
    return updates.map((_, index) => Number(results[index * 4 + 2]));
  }

  /** The `limit` latest reports inside each window, newest first. */
  async latestInSpikeWindows(windows: readonly SpikeWindowId[], window: SpikeWindowBounds, limit: number): Promise<string[][]> {
    if (windows.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const { ruleId, scope, category } of windows) {
      pipeline.zrevrangebyscore(spikeWindowKeyOf(ruleId, scope, category), window.endsAtMs, `(${window.opensAfterMs}`, 'LIMIT', 0, limit);
    }
    return (await execOrThrow(pipeline)) as string[][];
  }

  /** The open alert's id for each dedup key, or null. */
  async openIdsFor(dedupKeys: readonly string[]): Promise<Array<string | null>> {
    return dedupKeys.length === 0 ? [] : this.redis.hmget(ALERT_OPEN_KEY, ...dedupKeys);
  }

  /** Adds reports behind several alerts in one round trip; answers each alert's count of distinct reports. */
  async addReportsToMany(additions: ReadonlyArray<{ readonly alertId: string; readonly reportIds: readonly string[] }>): Promise<number[]> {
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

  /** Versions waiting in the outbox, up to `limit`. */
  async outboxEntries(limit: number): Promise<AlertOutboxEntry[]> {
    return scanJsonHash<AlertOutboxEntry>(this.redis, ALERT_OUTBOX_KEY, () => true, limit);
  }

  async removeFromOutbox(entries: readonly AlertOutboxEntry[]): Promise<void> {
    if (entries.length > 0) await this.redis.hdel(ALERT_OUTBOX_KEY, ...entries.map((entry) => outboxField(entry.alert)));
  }

  async addMute(mute: AlertMute): Promise<void> {
    await this.redis.hset(ALERT_MUTES_KEY, mute.id, JSON.stringify(mute));
  }

  /** Mutes not yet past, with what each has held back; mutes that ended a day ago are dropped. */
  async mutes(nowMs: number): Promise<AlertMute[]> {
    const [stored, counts] = await Promise.all([this.redis.hgetall(ALERT_MUTES_KEY), this.redis.hgetall(ALERT_MUTE_SUPPRESSED_KEY)]);
    const mutes: AlertMute[] = [];
    const expired: string[] = [];
    for (const [id, text] of Object.entries(stored)) {
      const parsed = alertMuteSchema.safeParse(JSON.parse(text));
      if (!parsed.success || Date.parse(parsed.data.until) < nowMs - 24 * 3600_000) {
        expired.push(id);
        continue;
      }
      mutes.push({ ...parsed.data, suppressed: Number(counts[id] ?? 0) });
    }
    if (expired.length > 0) {
      await this.redis.hdel(ALERT_MUTES_KEY, ...expired);
      await this.redis.hdel(ALERT_MUTE_SUPPRESSED_KEY, ...expired);
    }
    return mutes.sort((a, b) => Date.parse(a.until) - Date.parse(b.until));
  }

  /** False when there was no such mute. */
  async removeMute(id: string): Promise<boolean> {
    const removed = await this.redis.hdel(ALERT_MUTES_KEY, id);
    await this.redis.hdel(ALERT_MUTE_SUPPRESSED_KEY, id);
    return removed === 1;
  }

  async countSuppressed(muteId: string): Promise<void> {
    await this.redis.hincrby(ALERT_MUTE_SUPPRESSED_KEY, muteId, 1);
  }
}

/** The pipeline's replies in order; the first failed command fails the whole call. */
async function execOrThrow(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return results.map(([, value]) => value);
}

function outboxField(alert: Alert): string {
  return `${alert.id}:${alert.version}`;
}

/** `subscriber` must be a connection of its own: a subscribed Redis connection can do nothing else. */
export function subscribeAlertNotices(subscriber: Redis, onNotice: (notice: AlertNotice) => void, onInvalid: (problem: string) => void): Promise<void> {
  return subscribeParsed(subscriber, ALERTS_CHANNEL, alertNoticeSchema, onNotice, onInvalid);
}
