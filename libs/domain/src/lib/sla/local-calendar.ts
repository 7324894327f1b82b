import { zoneOffsetMinutes } from '../time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar day in a time zone, as `YYYY-MM-DD`, with its weekday (0 = Sunday). */
export interface LocalDay {
  readonly date: string;
  readonly weekday: number;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The local calendar day that contains `instant`. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * MINUTE_MS);
  return {
    date: `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    weekday: local.getUTCDay(),
  };
}

/** The instant of local wall-clock `date` (YYYY-MM-DD) at `minuteOfDay` minutes after midnight. */
export function localInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
  const guess = new Date(wallClock - zoneOffsetMinutes(new Date(wallClock), timeZone) * MINUTE_MS);
  // Correct once for a zone whose offset at the guess differs (daylight-saving edges).
  return new Date(wallClock - zoneOffsetMinutes(guess, timeZone) * MINUTE_MS);
}

/** `date` moved by `days` calendar days. */
export function addLocalDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** `date` moved by whole months, clamped to the last day of the target month (Mar 31 − 1 month = Feb 28/29). */
export function addLocalMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${pad(target.getUTCFullYear(), 4)}-${pad(target.getUTCMonth() + 1)}-${pad(Math.min(day, lastDay))}`;
}

export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
