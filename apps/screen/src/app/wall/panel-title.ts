import type { Panel, ScopeLevel } from '@grid-command/contracts';
import type { Lang } from '../config/wall-params';
import { translate, type MessageKey } from '../i18n/messages';

const RANKING_TITLE: Readonly<Record<ScopeLevel, MessageKey | null>> = {
  district: 'panel.ranking.street',
  street: 'panel.ranking.community',
  community: 'panel.ranking.grid',
  grid: null,
};

/**
 * The heading over a panel: the dashboard's own title when it gives one, otherwise what the panel shows
 * (a ranking names the level below the scope). Header-strip panels and the KPI strip carry no heading.
 */
export function panelTitle(panel: Panel, lang: Lang, scopeLevel: ScopeLevel): string | null {
  if (panel.title) return panel.title[lang];
  switch (panel.type) {
    case 'trend':
      return translate(lang, 'panel.trend');
    case 'category-mix':
      return translate(lang, 'panel.categoryMix');
    case 'ranking': {
      const key = RANKING_TITLE[scopeLevel];
      return key === null ? null : translate(lang, key);
    }
    case 'map':
      return translate(lang, 'panel.map');
    case 'kpis':
    case 'clock':
    case 'freshness':
      return null;
  }
}
