import type { OpsCapacity } from '@grid-command/contracts';
import type { Lang } from '../shared/config/wall-params';
import { translate } from '../shared/i18n/messages';
import { opsText } from './ops-messages';

const DECIMAL: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};
const WHOLE: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};

/** `12.5` below ten a second (a quiet night), `1,234` above (a campaign): as precise as a person reads it. */
export function formatRate(perSecond: number, lang: Lang): string {
  return (perSecond < 10 ? DECIMAL : WHOLE)[lang].format(perSecond);
}

/** `4.2 s` below a minute, else in minutes and seconds: how long the oldest batch has waited. */
export function formatWait(seconds: number, lang: Lang): string {
  if (seconds < 60) return opsText(lang, 'ops.seconds', { value: DECIMAL[lang].format(seconds) });
  return translate(lang, 'age.minutes', { m: Math.floor(seconds / 60), s: Math.floor(seconds % 60) });
}

/** How loaded the pipeline is against what the bench measured: calm, busy (over 70 %), or over capacity. */
export type HeadroomLevel = 'calm' | 'busy' | 'over';

export interface HeadroomBar {
  /** Share of the capacity in use, for the bar's width: 0..1. */
  readonly width: number;
  /** The same, not clamped, as a whole percentage: `132 %` when over. */
  readonly usedPercent: number;
  readonly level: HeadroomLevel;
}

/** The bar for the server's headroom (1 − rate ÷ capacity); null when there is no measured capacity to compare with. */
export function headroomBar(headroom: number | null, capacity: OpsCapacity): HeadroomBar | null {
  if (headroom === null || capacity.status !== 'measured') return null;
  const used = 1 - headroom;
  return {
    width: Math.min(1, Math.max(0, used)),
    usedPercent: Math.round(used * 100),
    level: used > 1 ? 'over' : used > 0.7 ? 'busy' : 'calm',
  };
}
