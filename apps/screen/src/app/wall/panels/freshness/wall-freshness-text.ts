import type { Lang } from '../../../shared/config/wall-params';
import { freshnessText, type FreshnessText } from '../../../shared/freshness/freshness-text';
import { translate } from '../../../shared/i18n/messages';
import { kpiFreshnessNotice } from '../../kpi/kpi-freshness';
import type { WallFreshness } from '../../wall-freshness';

/** The header's words: the live link's state, or, when the KPIs are the worse, that they are late and what their panels say. */
export function wallFreshnessText(status: WallFreshness, asOfMs: number | null, timeZone: string | null, lang: Lang): FreshnessText {
  if (status.cause === 'live') return freshnessText(status.live, asOfMs, timeZone, lang);
  return { headline: translate(lang, 'freshness.kpiDelayed'), detail: kpiFreshnessNotice(status.kpi, lang) ?? '' };
}
