const MINUTE_MS = 60_000;

/** The instant of the start of the minute containing `instant` (UTC minutes; every real zone offset is whole minutes). */
export function floorToMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

// Building a formatter costs far more than using one, and deadlines ask for offsets thousands of times a second.
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
  return Math.round((asUtc - floorToMinute(instant).getTime()) / MINUTE_MS);
}

/** Midnight of the calendar day that contains `instant` in `timeZone`, as an instant. */
export function startOfDay(instant: Date, timeZone: string): Date {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * MINUTE_MS);
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight can differ from the offset now when the day changes daylight-saving time.
  const guess = new Date(localMidnight - offset * MINUTE_MS);
  const offsetAtMidnight = zoneOffsetMinutes(guess, timeZone);
  return new Date(localMidnight - offsetAtMidnight * MINUTE_MS);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `count` consecutive minute starts ending with the minute that contains `now`. */
export function minuteWindow(now: Date, count: number): Date[] {
  const last = floorToMinute(now).getTime();
  return Array.from({ length: count }, (_, index) => new Date(last - (count - 1 - index) * MINUTE_MS));
}
