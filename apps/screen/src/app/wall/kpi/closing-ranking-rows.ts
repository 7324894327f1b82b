import type { RankedUnit, Ranking } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { formatCount } from '../../shared/i18n/number-format';
import { formatRate } from './kpi-format';

export interface ClosingRankingRow {
  readonly scope: string;
  /** Null in the 样本不足 group. */
  readonly rank: number | null;
  readonly name: string;
  readonly closingRate: string;
  /** 0..1 for the bar; 0 when unknown. */
  readonly barFraction: number;
  readonly reported: string;
  readonly per10k: string | null;
  readonly overdueNow: number;
}

export interface ClosingRankingView {
  readonly ranked: readonly ClosingRankingRow[];
  readonly unranked: readonly ClosingRankingRow[];
  /** The heading of the unranked group, with the threshold. */
  readonly unrankedLabel: string;
  /** Units left off for want of room, said so rather than silently dropped; null when all are shown. */
  readonly hiddenLabel: string | null;
}

const PER_10K: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

function row(unit: RankedUnit, lang: Lang): ClosingRankingRow {
  return {
    scope: unit.scope,
    rank: unit.rank,
    name: unit.name,
    closingRate: formatRate(unit.closingRate, lang),
    barFraction: unit.closingRate ?? 0,
    reported: translate(lang, 'ranking.reported', { count: formatCount(unit.reported, lang) }),
    per10k: unit.reportedPer10k === null ? null : translate(lang, 'ranking.per10k', { value: PER_10K[lang].format(unit.reportedPer10k) }),
    overdueNow: unit.overdueNow,
  };
}

/**
 * Ranked units best first, as many as `limit` allows, then the units with too few tickets to rank apart
 * (样本不足) in the room that is left, largest first: a unit with 2 tickets at 100 % must not top the list.
 */
export function closingRankingView(ranking: Ranking, limit: number, lang: Lang): ClosingRankingView {
  const ranked = [...ranking.ranked].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).slice(0, limit);
  const room = Math.max(0, limit - ranked.length);
  const unranked = [...ranking.unranked].sort((a, b) => b.reported - a.reported || a.scope.localeCompare(b.scope)).slice(0, room);
  const hidden = ranking.ranked.length + ranking.unranked.length - ranked.length - unranked.length;
  return {
    ranked: ranked.map((unit) => row(unit, lang)),
    unranked: unranked.map((unit) => row(unit, lang)),
    unrankedLabel: translate(lang, 'ranking.unranked', { min: ranking.minTickets }),
    hiddenLabel: hidden > 0 ? translate(lang, 'ranking.hidden', { count: hidden }) : null,
  };
}
