import type { DurationBucket } from '@grid-command/contracts';
import { RATE_DECIMALS, rateAsShown } from '@grid-command/domain';
import type { Lang, WallPeriod } from '../../shared/config/wall-params';
import { translate, type MessageKey } from '../../shared/i18n/messages';

const UP_TO_ONE_DECIMAL: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

const RATE: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: RATE_DECIMALS, maximumFractionDigits: RATE_DECIMALS }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: RATE_DECIMALS, maximumFractionDigits: RATE_DECIMALS }),
};

/**
 * `94.9%`, `30.0%`, `100.0%` for a 0..1 rate: every rate on the wall with the same decimals, rounded as the ranking
 * ranks (rateAsShown); a dash when there is no denominator (unknown is not 0 %).
 */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return `${RATE[lang].format(rateAsShown(rate) * 100)}%`;
}

interface MinutesParts {
  readonly value: string;
  readonly unit: MessageKey;
}

/** The unit a person would say: minutes under an hour, hours under a day, then days; at most one decimal. */
function minutesParts(minutes: number, lang: Lang): MinutesParts {
  const format = UP_TO_ONE_DECIMAL[lang];
  if (minutes < 60) return { value: format.format(Math.round(minutes)), unit: 'minutes.minutes' };
  if (minutes < 1440) return { value: format.format(Math.round(minutes / 6) / 10), unit: 'minutes.hours' };
  return { value: format.format(Math.round(minutes / 144) / 10), unit: 'minutes.days' };
}

/** `42分钟`, `3.5小时`, `2.1天` (en `42 min`, `3.5 h`, `2.1 d`); a dash when there is nothing measured. */
export function formatMinutes(minutes: number | null, lang: Lang): string {
  if (minutes === null) return '—';
  if (minutes > 0 && minutes < 0.5) return translate(lang, 'minutes.under');
  const parts = minutesParts(minutes, lang);
  return translate(lang, parts.unit, { value: parts.value });
}

/** A bar's label: `<1小时`, `1–4小时`, `30分钟–2小时`, `≥3天`; the unit is said once when both ends share it. */
export function bucketLabel(bucket: DurationBucket, lang: Lang): string {
  if (bucket.toMinutes === null) return translate(lang, 'minutes.atLeast', { from: formatMinutes(bucket.fromMinutes, lang) });
  if (bucket.fromMinutes === 0) return translate(lang, 'minutes.below', { to: formatMinutes(bucket.toMinutes, lang) });
  const from = minutesParts(bucket.fromMinutes, lang);
  const to = minutesParts(bucket.toMinutes, lang);
  const fromText = from.unit === to.unit ? from.value : translate(lang, from.unit, { value: from.value });
  return translate(lang, 'minutes.range', { from: fromText, to: translate(lang, to.unit, { value: to.value }) });
}

/** 今日 / 本周 / 本月 / 2026-11-01 至 2026-11-20, as the KPI headings name the period. */
export function periodLabel(period: WallPeriod, lang: Lang): string {
  switch (period.kind) {
    case 'today':
      return translate(lang, 'period.today');
    case 'week':
      return translate(lang, 'period.week');
    case 'month':
      return translate(lang, 'period.month');
    case 'custom':
      return translate(lang, 'period.custom', { from: period.from, to: period.to });
  }
}
