import type { Panel, ScopeLevel } from '@grid-command/contracts';
import type { Lang } from '../shared/config/wall-params';
import { translate, type MessageKey } from '../shared/i18n/messages';

/** A ranking names the level below the scope; on a grid (nothing below) it keeps a plain heading over its message. */
const RANKING_TITLE: Readonly<Record<ScopeLevel, MessageKey>> = {
  district: 'panel.ranking.street',
  street: 'panel.ranking.community',
  community: 'panel.ranking.grid',
  grid: 'panel.ranking.none',
};

const CLOSING_RANKING_TITLE: Readonly<Record<ScopeLevel, MessageKey>> = {
  district: 'panel.closingRanking.street',
  street: 'panel.closingRanking.community',
  community: 'panel.closingRanking.grid',
  grid: 'panel.closingRanking.none',
};

/** What a heading may mention besides the panel itself. */
export interface PanelTitleContext {
  readonly lang: Lang;
  readonly scopeLevel: ScopeLevel;
  /** 今日 / 本周 …, as the KPI panels cover it. */
  readonly period: string;
  /** The unit the KPI figures on screen are for (from the KPI answer, so the heading cannot claim another). */
  readonly kpiScopeName: string;
  /** Overdue tickets right now; null before the first KPI answer. */
  readonly overdueNow: number | null;
}

/**
 * The heading over a panel: the dashboard's own title when it gives one, otherwise what the panel shows
 * (a ranking names the level below the scope). Header-strip panels and the KPI strip carry no heading.
 */
export function panelTitle(panel: Panel, context: PanelTitleContext): string | null {
  const { lang, scopeLevel, period } = context;
  if (panel.type === 'workflow-kpis') {
    // The scope is part of the heading even with a custom title: it says which unit the figures are for.
    const base = panel.title ? panel.title[lang] : translate(lang, 'panel.workflow', { scope: context.kpiScopeName, period });
    return panel.title ? `${context.kpiScopeName} · ${base}` : base;
  }
  if (panel.title) return panel.title[lang];
  switch (panel.type) {
    case 'trend':
      return translate(lang, 'panel.trend');
    case 'category-mix':
      return translate(lang, 'panel.categoryMix');
    case 'ranking':
      return translate(lang, RANKING_TITLE[scopeLevel]);
    case 'map':
      return translate(lang, 'panel.map');
    case 'overdue-list':
      return context.overdueNow === null ? translate(lang, 'panel.overdueUnknown') : translate(lang, 'panel.overdue', { count: context.overdueNow });
    case 'resolve-distribution':
      return translate(lang, 'panel.resolveDistribution', { period });
    case 'closing-ranking':
      return translate(lang, CLOSING_RANKING_TITLE[scopeLevel], { period });
    case 'kpis':
    case 'clock':
    case 'freshness':
    case 'alert-ticker':
      return null;
  }
}
