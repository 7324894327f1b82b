import type { OpsTrendPoint, RatePair } from '@grid-command/contracts';
import type { SecondCounts } from '@grid-command/queue';

/** The trend's length and its bucket: five minutes in 10-second means, enough to see a campaign start or a drain. */
export const TREND_SECONDS = 300;
export const TREND_BUCKET_SECONDS = 10;

/** The mean per second of the last `window` seconds of `counts` (oldest first). */
function meanOfLast(counts: SecondCounts, window: number): number {
  const last = counts.slice(-window);
  return last.reduce((sum, count) => sum + count, 0) / window;
}

export function ratePairOf(counts: SecondCounts): RatePair {
  return { last10s: meanOfLast(counts, 10), last60s: meanOfLast(counts, 60) };
}

/**
 * The 10-second means of the last `TREND_SECONDS` whole seconds before `now`, oldest first; each point is stamped
 * with the end of its bucket. `accepted` and `stored` hold one count per second, oldest first, ending just before `now`.
 */
export function trendOf(accepted: SecondCounts, stored: SecondCounts, now: Date): OpsTrendPoint[] {
  const end = Math.floor(now.getTime() / 1000);
  const buckets = Math.floor(accepted.length / TREND_BUCKET_SECONDS);
  const offset = accepted.length - buckets * TREND_BUCKET_SECONDS;
  return Array.from({ length: buckets }, (_, bucket) => {
    const from = offset + bucket * TREND_BUCKET_SECONDS;
    const mean = (counts: SecondCounts): number => meanOfLast(counts.slice(from, from + TREND_BUCKET_SECONDS), TREND_BUCKET_SECONDS);
    const endsAt = end - accepted.length + from + TREND_BUCKET_SECONDS;
    return { at: new Date(endsAt * 1000).toISOString(), acceptedPerSecond: mean(accepted), storedPerSecond: mean(stored) };
  });
}
