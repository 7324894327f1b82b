import { REPLAY_SPEEDS, type ReplaySpeed } from '@grid-command/contracts';

/** What `?at=…&speed=…` asks of the wall: replay from `startMs` at `speed` replayed seconds per real second. */
export interface ReplayParams {
  readonly startMs: number;
  readonly speed: ReplaySpeed;
}

export const DEFAULT_REPLAY_SPEED: ReplaySpeed = 60;

/** ISO-8601 with an offset, as the server takes it: a wall must never guess the zone of a time it replays. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `YYYY-MM-DD` exists: Date.parse reads 2026-02-30 as 2 March. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

export function isReplaySpeed(value: number): value is ReplaySpeed {
  return (REPLAY_SPEEDS as readonly number[]).includes(value);
}

/**
 * Reads `at` and `speed` from the address. No `at`, or an `at` that is not an instant with an offset: null, the
 * live wall (which says 实时 only when it is). A speed other than the offered ones replays at the default.
 */
export function parseReplayParams(search: string): ReplayParams | null {
  const params = new URLSearchParams(search);
  const at = params.get('at')?.trim() ?? '';
  if (!INSTANT_WITH_OFFSET.test(at)) return null;
  const startMs = Date.parse(at);
  if (Number.isNaN(startMs) || !isCalendarDay(at.slice(0, 10))) return null;
  const speed = Number(params.get('speed') ?? DEFAULT_REPLAY_SPEED);
  return { startMs, speed: isReplaySpeed(speed) ? speed : DEFAULT_REPLAY_SPEED };
}

/** The wall's address replaying from `atIso` at `speed`, every other parameter of `search` kept. */
export function replayAddress(search: string, atIso: string, speed: ReplaySpeed): string {
  const params = new URLSearchParams(search);
  params.set('at', atIso);
  params.set('speed', String(speed));
  return `?${params.toString()}`;
}

/** The same address live: `at` and `speed` dropped (jump to now = leave replay). */
export function liveAddress(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('at');
  params.delete('speed');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The instant a wall clock in `timeZone` reads as `local` (`YYYY-MM-DDTHH:MM`, as a datetime-local field gives it),
 * or null for anything else: what an officer types is the deployment's time, never the browser's.
 */
export function instantOfLocalTime(local: string, timeZone: string, offsetMinutesAt: (instant: Date, timeZone: string) => number): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || !isCalendarDay(local.slice(0, 10))) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const guess = asUtc - offsetMinutesAt(new Date(asUtc), timeZone) * 60_000;
  // The offset at the instant itself can differ (a daylight-saving change between the guess and it).
  return asUtc - offsetMinutesAt(new Date(guess), timeZone) * 60_000;
}
