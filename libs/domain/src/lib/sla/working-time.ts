import type { TimeLimit, WorkCalendar } from '@grid-command/contracts';
import { addLocalDays, localDayOf, localInstant, weekdayOf } from './local-calendar';

const MINUTE_MS = 60_000;
/** No deadline lies this many days out; a calendar without working days must not loop forever. */
const MAX_SCAN_DAYS = 3_700;

/** Working calendar with its lookups prepared once. */
export class WorkingTime {
  private readonly holidays = new Set<string>();
  private readonly makeUpWorkdays = new Set<string>();
  private readonly years = new Set<string>();
  private readonly windows: ReadonlyArray<readonly [number, number]>;
  private readonly officeHoursByDate = new Map<string, ReadonlyArray<readonly [number, number]>>();

  constructor(private readonly calendar: WorkCalendar) {
    for (const [year, days] of Object.entries(calendar.years)) {
      this.years.add(year);
      days.holidays.forEach((day) => this.holidays.add(day));
      days.workdays.forEach((day) => this.makeUpWorkdays.add(day));
    }
    this.windows = calendar.workingHours.map(({ start, end }) => [toMinuteOfDay(start), toMinuteOfDay(end)] as const);
  }

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  /** Whether the calendar lists the statutory holidays of `year`; without them only weekends are days off. */
  coversYear(year: number): boolean {
    return this.years.has(String(year));
  }

  /** Holidays are off even on a weekday; a 调休 make-up day is worked even on a weekend; otherwise Monday–Friday. */
  isWorkingDay(date: string): boolean {
    if (this.holidays.has(date)) return false;
    if (this.makeUpWorkdays.has(date)) return true;
    const weekday = weekdayOf(date);
    return weekday >= 1 && weekday <= 5;
  }

  /** The instant `minutes` of office time after `start`. */
  addWorkingMinutes(start: Date, minutes: number): Date {
    let remaining = minutes;
    let date = localDayOf(start, this.timeZone).date;
    for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned += 1, date = addLocalDays(date, 1)) {
      for (const [open, close] of this.officeHours(date)) {
        const windowStart = Math.max(open, start.getTime());
        const windowEnd = close;
        if (windowEnd <= windowStart) continue;
        const available = (windowEnd - windowStart) / MINUTE_MS;
        if (remaining <= available) return new Date(windowStart + remaining * MINUTE_MS);
        remaining -= available;
      }
    }
    throw new Error(`the working calendar has no ${minutes} working minutes within ${MAX_SCAN_DAYS} days of ${start.toISOString()}`);
  }

  /** Office minutes in [from, to); 0 when `to` is not after `from`. */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    let total = 0;
    let date = localDayOf(from, this.timeZone).date;
    const last = localDayOf(to, this.timeZone).date;
    for (; date <= last; date = addLocalDays(date, 1)) {
      for (const [open, close] of this.officeHours(date)) {
        const windowStart = Math.max(open, from.getTime());
        const windowEnd = Math.min(close, to.getTime());
        if (windowEnd > windowStart) total += (windowEnd - windowStart) / MINUTE_MS;
      }
    }
    return total;
  }

  /** The office hours of a local day as epoch-millisecond intervals; none on a day off. */
  private officeHours(date: string): ReadonlyArray<readonly [number, number]> {
    let hours = this.officeHoursByDate.get(date);
    if (!hours) {
      hours = this.isWorkingDay(date)
        ? this.windows.map(([open, close]) => [localInstant(date, open, this.timeZone).getTime(), localInstant(date, close, this.timeZone).getTime()] as const)
        : [];
      this.officeHoursByDate.set(date, hours);
    }
    return hours;
  }

  /** The deadline `limit` after `start`. */
  deadline(start: Date, limit: TimeLimit): Date {
    return this.addMinutes(start, limit.minutes, limit.clock);
  }

  addMinutes(start: Date, minutes: number, clock: TimeLimit['clock']): Date {
    return clock === 'working' ? this.addWorkingMinutes(start, minutes) : new Date(start.getTime() + minutes * MINUTE_MS);
  }

  /** Minutes of `clock` left from `at` until `deadline` (0 when already past). */
  minutesLeft(at: Date, deadline: Date, clock: TimeLimit['clock']): number {
    if (deadline <= at) return 0;
    return clock === 'working' ? this.workingMinutesBetween(at, deadline) : (deadline.getTime() - at.getTime()) / MINUTE_MS;
  }
}

function toMinuteOfDay(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
