import { rateAsShown } from '@grid-command/domain';
import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { formatMinutes } from './kpi-format';

/** How a figure is compared: counts and durations by percent, rates by percentage points. */
export type ChangeMeasure = 'count' | 'rate' | 'duration';
/** Which way is good news for the figure; `neutral` figures (reports received) are neither. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';
export type Direction = 'up' | 'down' | 'flat';
export type Tone = 'good' | 'bad' | 'neutral';

export type Change =
  /** No baseline to compare with: no tickets in that period, or a rate or duration without data on one side. */
  | { readonly kind: 'none' }
  /** Counts and durations: (current − baseline) / baseline. */
  | { readonly kind: 'relative'; readonly direction: Direction; readonly tone: Tone; readonly ratio: number }
  /** Rates: the difference in percentage points. */
  | { readonly kind: 'points'; readonly direction: Direction; readonly tone: Tone; readonly points: number }
  /** A count or duration up from zero has no percent: the plain difference. */
  | { readonly kind: 'absolute'; readonly direction: Direction; readonly tone: Tone; readonly delta: number };

/** Changes smaller than what the wall prints (0.1 % or 0.1 pp) read as flat, so the arrow never contradicts the figure. */
const FLAT_RATIO = 0.0005;
const FLAT_POINTS = 0.05;

function directionOf(delta: number, flatBelow: number): Direction {
  if (Math.abs(delta) < flatBelow) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

/** Good or bad news: up is good for a closing rate, bad for overdue tickets or a reopen rate, neither for reports received. */
export function toneOf(direction: Direction, polarity: Polarity): Tone {
  if (direction === 'flat' || polarity === 'neutral') return 'neutral';
  return (direction === 'up') === (polarity === 'higher-is-better') ? 'good' : 'bad';
}

/** 环比 or 同比 of one figure; `baseline` undefined or null means there is nothing to compare with. */
export function compareFigure(current: number | null, baseline: number | null | undefined, measure: ChangeMeasure, polarity: Polarity): Change {
  if (current === null || baseline === null || baseline === undefined) return { kind: 'none' };
  if (measure === 'rate') {
    // From the rates as shown, so 30.3% against 30.0% reads ↑ 0.3 and never contradicts the figures.
    const points = (rateAsShown(current) - rateAsShown(baseline)) * 100;
    const direction = directionOf(points, FLAT_POINTS);
    return { kind: 'points', direction, tone: toneOf(direction, polarity), points };
  }
  if (baseline === 0) {
    const direction = directionOf(current, Number.EPSILON);
    return direction === 'flat' ? { kind: 'relative', direction, tone: 'neutral', ratio: 0 } : { kind: 'absolute', direction, tone: toneOf(direction, polarity), delta: current };
  }
  const ratio = (current - baseline) / baseline;
  const direction = directionOf(ratio, FLAT_RATIO);
  return { kind: 'relative', direction, tone: toneOf(direction, polarity), ratio };
}

const ARROW: Readonly<Record<Direction, string>> = { up: '↑', down: '↓', flat: '→' };

const ONE_DECIMAL: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** `↑ 12.5%`, `↓ 2.3个百分点`, `↑ 5件`, `→ 持平`, `无同期数据`: the arrow and the size of the change, never its sign twice. */
export function formatChange(change: Change, measure: ChangeMeasure, lang: Lang): string {
  if (change.kind === 'none') return translate(lang, 'change.noData');
  if (change.direction === 'flat') return `${ARROW.flat} ${translate(lang, 'change.flat')}`;
  const arrow = ARROW[change.direction];
  switch (change.kind) {
    case 'relative':
      return `${arrow} ${ONE_DECIMAL[lang].format(Math.abs(change.ratio) * 100)}%`;
    case 'points':
      return `${arrow} ${translate(lang, 'change.points', { value: ONE_DECIMAL[lang].format(Math.abs(change.points)) })}`;
    case 'absolute':
      return `${arrow} ${measure === 'duration' ? formatMinutes(Math.abs(change.delta), lang) : translate(lang, 'change.tickets', { value: Math.abs(change.delta) })}`;
  }
}
