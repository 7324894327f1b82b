/**
 * The simulated clients live in China: Asia/Shanghai has been UTC+8 all year since 1991, so a fixed
 * offset is exact and avoids an Intl formatter on the per-report hot path.
 */
const OFFSET_MS = 8 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** `2025-11-23T18:30:05.123+08:00`: the ISO-8601 form with offset a Chinese client would send. */
export function toLocalIso(instantMs: number): string {
  return `${new Date(instantMs + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(instantMs: number): number {
  const local = (instantMs + OFFSET_MS) % DAY_MS;
  return (local < 0 ? local + DAY_MS : local) / 60_000;
}

export function localHour(instantMs: number): number {
  return Math.floor(localMinuteOfDay(instantMs) / 60);
}
