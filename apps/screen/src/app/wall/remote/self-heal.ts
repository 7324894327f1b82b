import type { WallHealPolicy, WallReloadReason } from '@grid-command/contracts';

/** One look at the page, every health report (~10 s). */
export interface HealthSample {
  readonly atMs: number;
  /** Null where the browser does not tell (performance.memory is Chromium's). */
  readonly heapMb: number | null;
  readonly fps: number | null;
}

/** Nothing to do; a reload at once (the page is about to be unusable); or one in the next quiet hours. */
export type HealVerdict = { readonly kind: 'healthy' } | { readonly kind: 'now' | 'quiet_hours'; readonly reason: Exclude<WallReloadReason, 'remote'> };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The heap's growth is judged over the last hour, once at least half an hour of it is known: GC swings are minutes. */
export const HEAP_GROWTH_WINDOW_MS = HOUR_MS;
const HEAP_GROWTH_MIN_SPAN_MS = 30 * MINUTE_MS;
/** A frame rate under the bound for five minutes on end: a busy moment (a chart redrawn, a GC) is shorter. */
export const LOW_FPS_SPAN_MS = 5 * MINUTE_MS;
/** A self-healing reload is not repeated sooner: when a reload did not cure the page, reloading again will not either. */
export const SELF_HEAL_MIN_INTERVAL_MS = 6 * HOUR_MS;
const HARD_HEAP_MIN_INTERVAL_MS = 10 * MINUTE_MS;

/** The samples a judgement needs: those of the longest window, newest last. */
export function keepRecent(samples: readonly HealthSample[], nowMs: number): HealthSample[] {
  return samples.filter((sample) => nowMs - sample.atMs <= HEAP_GROWTH_WINDOW_MS);
}

/**
 * Whether the page needs a reload, from its recent samples (newest last) and the server's bounds: a heap over the
 * hard bound at once; a heap over its bound, growing faster than allowed over the last hour, or a frame rate under
 * the bound for five minutes, in the quiet hours.
 */
export function judgeWall(samples: readonly HealthSample[], policy: WallHealPolicy): HealVerdict {
  const latest = samples.at(-1);
  if (latest === undefined) return { kind: 'healthy' };
  if (latest.heapMb !== null && latest.heapMb > policy.heapHardLimitMb) return { kind: 'now', reason: 'heap_hard' };
  if (latest.heapMb !== null && latest.heapMb > policy.heapLimitMb) return { kind: 'quiet_hours', reason: 'heap' };
  const growth = heapGrowthMbPerHour(samples.filter((sample) => latest.atMs - sample.atMs <= HEAP_GROWTH_WINDOW_MS));
  if (growth !== null && growth > policy.heapGrowthMbPerHour) return { kind: 'quiet_hours', reason: 'heap' };
  if (policy.minFps > 0 && lowFrameRateThroughout(samples, latest.atMs, policy.minFps)) return { kind: 'quiet_hours', reason: 'fps' };
  return { kind: 'healthy' };
}

/** The least-squares slope of the heap over the samples, in MB per hour; null over less than half an hour of them. */
export function heapGrowthMbPerHour(samples: readonly HealthSample[]): number | null {
  const points = samples.filter((sample): sample is HealthSample & { heapMb: number } => sample.heapMb !== null);
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || last.atMs - first.atMs < HEAP_GROWTH_MIN_SPAN_MS) return null;
  const meanT = points.reduce((sum, point) => sum + point.atMs, 0) / points.length;
  const meanH = points.reduce((sum, point) => sum + point.heapMb, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.atMs - meanT) * (point.heapMb - meanH);
    variance += (point.atMs - meanT) ** 2;
  }
  return variance === 0 ? null : (covariance / variance) * HOUR_MS;
}

function lowFrameRateThroughout(samples: readonly HealthSample[], nowMs: number, minFps: number): boolean {
  const recent = samples.filter((sample) => nowMs - sample.atMs <= LOW_FPS_SPAN_MS);
  const first = recent[0];
  if (first === undefined || nowMs - first.atMs < LOW_FPS_SPAN_MS - MINUTE_MS) return false;
  return recent.every((sample) => sample.fps !== null && sample.fps < minFps);
}

/** Whether `nowMs` lies in the quiet hours, read on the deployment's clock (`timeZone`), never the browser's. */
export function isQuietTime(nowMs: number, quietHours: WallHealPolicy['quietHours'], timeZone: string): boolean {
  const now = minuteOfDay(nowMs, timeZone);
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * Whether to reload now: for a verdict that asks for it now, or in the quiet hours while they last, unless the last
 * self-healing reload was too recent to have been worth repeating.
 */
export function shouldReloadNow(verdict: HealVerdict, nowMs: number, policy: WallHealPolicy, lastSelfHealAtMs: number | null): boolean {
  if (verdict.kind === 'healthy') return false;
  const sinceLast = lastSelfHealAtMs === null ? Infinity : nowMs - lastSelfHealAtMs;
  if (verdict.kind === 'now') return sinceLast >= HARD_HEAP_MIN_INTERVAL_MS;
  return sinceLast >= SELF_HEAL_MIN_INTERVAL_MS && isQuietTime(nowMs, policy.quietHours, policy.timeZone);
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function minuteOfDay(nowMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(nowMs);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}
