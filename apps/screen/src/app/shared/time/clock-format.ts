import type { Lang } from '../config/wall-params';

/**
 * Every time a person reads is formatted here, in the deployment's time zone (APP_TIMEZONE) given as a parameter,
 * never the browser's: a null zone (not known yet) reads as a placeholder. `no-browser-zone.spec.ts` keeps every
 * other file from formatting times by itself.
 */

export interface ClockFace {
  readonly date: string;
  readonly weekday: string;
  readonly time: string;
}

/** What a time reads while the deployment's zone (or the server's clock) is not known yet. */
export const TIME_PLACEHOLDER = '--:--';
const TIME_PLACEHOLDER_WITH_SECONDS = '--:--:--';

const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };

// Formatters are costly to build and the wall asks for the same few every second for months.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** Whether `zone` is an IANA time zone this browser knows (`Asia/Shanghai`). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter('en', zone, { hour: '2-digit' });
    return true;
  } catch {
    return false;
  }
}

/** Date, weekday and time of `instantMs` on the wall clock of `timeZone`; placeholders while the zone is unknown. */
export function clockFace(instantMs: number, timeZone: string | null, lang: Lang): ClockFace {
  if (timeZone === null) return { date: '', weekday: '', time: TIME_PLACEHOLDER_WITH_SECONDS };
  const instant = new Date(instantMs);
  return {
    date: formatter(lang, timeZone, { year: 'numeric', month: lang === 'zh' ? 'long' : 'short', day: 'numeric' }).format(instant),
    weekday: formatter(lang, timeZone, { weekday: 'long' }).format(instant),
    time: timeOfDay(instantMs, timeZone, true),
  };
}

/** `18:05:09`, or `18:05` without seconds, in 24-hour time. */
export function timeOfDay(instantMs: number, timeZone: string | null, withSeconds: boolean): string {
  if (timeZone === null) return withSeconds ? TIME_PLACEHOLDER_WITH_SECONDS : TIME_PLACEHOLDER;
  const options: Intl.DateTimeFormatOptions = withSeconds
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
    : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatter('en', timeZone, options).format(new Date(instantMs));
}

/** `2026-12-01`: the calendar day of `instantMs` in `timeZone`. */
function dayOf(instantMs: number, timeZone: string): string {
  const parts = formatter('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A time a person reads: `08:01` when it falls on today (of `nowMs`, in `timeZone`), else with its date:
 * `12月2日 08:01` / `2 Dec 08:01`, and the year too when that differs.
 */
export function readableTime(instantMs: number, nowMs: number, timeZone: string | null, lang: Lang, withSeconds: boolean): string {
  const time = timeOfDay(instantMs, timeZone, withSeconds);
  if (timeZone === null) return time;
  const day = dayOf(instantMs, timeZone);
  const today = dayOf(nowMs, timeZone);
  if (day === today) return time;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = { month: lang === 'zh' ? 'long' : 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) };
  return `${formatter(lang, timeZone, options).format(new Date(instantMs))} ${time}`;
}
