import type { Lang } from '../config/wall-params';

export interface ClockFace {
  readonly date: string;
  readonly weekday: string;
  readonly time: string;
}

const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };

// Formatters are costly to build and the wall asks for the same few every second for months.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** Date, weekday and time of `instantMs` on the wall clock of `timeZone` (the browser's zone when undefined). */
export function clockFace(instantMs: number, timeZone: string | undefined, lang: Lang): ClockFace {
  const instant = new Date(instantMs);
  return {
    date: formatter(lang, timeZone, { year: 'numeric', month: lang === 'zh' ? 'long' : 'short', day: 'numeric' }).format(instant),
    weekday: formatter(lang, timeZone, { weekday: 'long' }).format(instant),
    time: timeOfDay(instantMs, timeZone, true),
  };
}

/** `18:05:09`, or `18:05` without seconds, in 24-hour time. */
export function timeOfDay(instantMs: number, timeZone: string | undefined, withSeconds: boolean): string {
  const options: Intl.DateTimeFormatOptions = withSeconds
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
    : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatter('en', timeZone, options).format(new Date(instantMs));
}
