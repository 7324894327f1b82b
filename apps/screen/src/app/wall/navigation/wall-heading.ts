import type { Dashboard, ScopeLevel, ScopeSummary } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import { translate, type MessageKey } from '../../shared/i18n/messages';

/** What a unit's wall is called at each level: a district's command center down to a grid's own wall. */
const TITLE_BY_LEVEL: Readonly<Record<ScopeLevel, MessageKey>> = {
  district: 'wall.title.district',
  street: 'wall.title.street',
  community: 'wall.title.community',
  grid: 'wall.title.grid',
};

/**
 * The wall's heading: the dashboard's own title on its own scope; on another (a drill-down, a street's wall) the
 * unit's name with what that level's wall is (`新竹街道 · 街道指挥分中心`, `桃源第1网格 · 网格化治理`).
 */
export function wallHeading(dashboard: Pick<Dashboard, 'scope' | 'title'>, scope: Pick<ScopeSummary, 'scope' | 'level' | 'name'>, lang: Lang): string {
  return scope.scope === dashboard.scope ? dashboard.title[lang] : translate(lang, TITLE_BY_LEVEL[scope.level], { name: scope.name });
}
