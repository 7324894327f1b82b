import type { Lang } from '../config/wall-params';
import { translate } from '../i18n/messages';
import { formatDuration } from '../time/duration-format';
import { timeOfDay } from '../time/clock-format';
import type { Freshness } from './freshness';

/** Younger than this reads as "just now": "0 seconds ago" looks like a glitch from across the room. */
const JUST_NOW_SECONDS = 2;

export interface FreshnessText {
  /** Large: what state the data is in. */
  readonly headline: string;
  /** Small: since when. */
  readonly detail: string;
}

/** The words of the freshness indicator; an out-of-date wall always says how far behind it is. */
export function freshnessText(freshness: Freshness, asOfMs: number | null, timeZone: string | null, lang: Lang): FreshnessText {
  const age = freshness.ageSeconds === null ? null : formatDuration(freshness.ageSeconds, lang);
  switch (freshness.level) {
    case 'waiting':
      return { headline: translate(lang, 'freshness.connecting'), detail: translate(lang, 'freshness.noData') };
    case 'fresh': {
      const seconds = freshness.ageSeconds ?? 0;
      return {
        headline: translate(lang, 'freshness.live'),
        detail: seconds < JUST_NOW_SECONDS ? translate(lang, 'freshness.justNow') : translate(lang, 'freshness.updatedAgo', { age: formatDuration(seconds, lang) }),
      };
    }
    case 'stale':
      return {
        headline: translate(lang, 'freshness.delayed', { age: age ?? '' }),
        detail: asOfMs === null ? '' : translate(lang, 'freshness.asOf', { time: timeOfDay(asOfMs, timeZone, true) }),
      };
    case 'offline':
      return {
        headline: translate(lang, freshness.connection === 'rejected' ? 'freshness.rejected' : 'freshness.disconnected'),
        detail: age === null ? translate(lang, 'freshness.noData') : translate(lang, 'freshness.delayed', { age }),
      };
  }
}
