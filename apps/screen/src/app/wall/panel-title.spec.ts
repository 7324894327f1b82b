import { describe, expect, it } from 'vitest';
import { panelSchema } from '@grid-command/contracts';
import { panelTitle } from './panel-title';

const at = { x: 0, y: 0, w: 4, h: 4 };

describe('panelTitle', () => {
  it('names a ranking after the level below the scope', () => {
    const ranking = panelSchema.parse({ ...at, id: 'ranking', type: 'ranking' });
    expect(panelTitle(ranking, 'zh', 'district')).toBe('今日街道受理排名');
    expect(panelTitle(ranking, 'zh', 'street')).toBe('今日社区受理排名');
    expect(panelTitle(ranking, 'en', 'community')).toBe('Grids by reports today');
  });

  it('prefers the title the dashboard gives', () => {
    const trend = panelSchema.parse({ ...at, id: 'trend', type: 'trend', title: { zh: '实时受理', en: 'Live intake' } });
    expect(panelTitle(trend, 'zh', 'district')).toBe('实时受理');
    expect(panelTitle(trend, 'en', 'district')).toBe('Live intake');
  });

  it('leaves the header strip and the KPI strip without a heading', () => {
    expect(panelTitle(panelSchema.parse({ ...at, id: 'clock', type: 'clock' }), 'zh', 'district')).toBeNull();
    expect(panelTitle(panelSchema.parse({ ...at, id: 'kpis', type: 'kpis', options: { items: ['reported'] } }), 'zh', 'district')).toBeNull();
  });
});
