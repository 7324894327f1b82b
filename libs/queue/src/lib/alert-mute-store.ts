import { alertMuteSchema, type AlertMute } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { ALERT_MUTE_SUPPRESSED_KEY, ALERT_MUTES_KEY } from './queue-definitions';

/** A mute is forgotten this long after it ended; until then it is listed with what it held back. */
const ENDED_MUTE_KEPT_MS = 24 * 3600_000;

/** Mutes (maintenance windows, known events) and how many alerts each has held back. */
export class AlertMuteStore {
  constructor(private readonly redis: Redis) {}

  async add(mute: AlertMute): Promise<void> {
    await this.redis.hset(ALERT_MUTES_KEY, mute.id, JSON.stringify(mute));
  }

  /** Mutes not yet past, with what each has held back, soonest ending first; mutes that ended a day ago are dropped. */
  async current(nowMs: number): Promise<AlertMute[]> {
    const [stored, counts] = await Promise.all([this.redis.hgetall(ALERT_MUTES_KEY), this.redis.hgetall(ALERT_MUTE_SUPPRESSED_KEY)]);
    const mutes: AlertMute[] = [];
    const expired: string[] = [];
    for (const [id, text] of Object.entries(stored)) {
      const parsed = alertMuteSchema.safeParse(JSON.parse(text));
      if (!parsed.success || Date.parse(parsed.data.until) < nowMs - ENDED_MUTE_KEPT_MS) {
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
  async remove(id: string): Promise<boolean> {
    const removed = await this.redis.hdel(ALERT_MUTES_KEY, id);
    await this.redis.hdel(ALERT_MUTE_SUPPRESSED_KEY, id);
    return removed === 1;
  }

  async countSuppressed(muteId: string): Promise<void> {
    await this.redis.hincrby(ALERT_MUTE_SUPPRESSED_KEY, muteId, 1);
  }
}
