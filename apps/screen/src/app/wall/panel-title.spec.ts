import { describe, expect, it } from '@jest/globals';
import { panelSchema } from '@grid-command/contracts';
import { panelTitle, type PanelTitleContext } from './panel-title';

const at = { x: 0, y: 0, w: 4, h: 4 };
const district: PanelTitleContext = { lang: 'zh', scopeLevel: 'district', period: '今日', kpiScopeName: '青秀区', overdueNow: null };

describe('panelTitle', () => {
  it('names a ranking after the level below the scope', () => {
    const ranking = panelSchema.parse({ ...at, id: 'ranking', type: 'ranking' });
    expect(panelTitle(ranking, district)).toBe('今日街道受理排名');
    expect(panelTitle(ranking, { ...district, scopeLevel: 'street' })).toBe('今日社区受理排名');
    expect(panelTitle(ranking, { ...district, lang: 'en', scopeLevel: 'community' })).toBe('Grids by reports today');
  });

  it('prefers the title the dashboard gives', () => {
    const trend = panelSchema.parse({ ...at, id: 'trend', type: 'trend', title: { zh: '实时受理', en: 'Live intake' } });
    expect(panelTitle(trend, district)).toBe('实时受理');
    expect(panelTitle(trend, { ...district, lang: 'en' })).toBe('Live intake');
  });

  it('leaves the header strip and the KPI strip without a heading', () => {
    expect(panelTitle(panelSchema.parse({ ...at, id: 'clock', type: 'clock' }), district)).toBeNull();
    expect(panelTitle(panelSchema.parse({ ...at, id: 'kpis', type: 'kpis', options: { items: ['reported'] } }), district)).toBeNull();
  });

  it('names the unit and period of the workflow figures, even under a custom title', () => {
    const workflow = panelSchema.parse({ ...at, id: 'workflow', type: 'workflow-kpis' });
    expect(panelTitle(workflow, { ...district, kpiScopeName: '新竹街道', period: '本周' })).toBe('新竹街道 · 本周工单办理（环比 / 同比）');
    const titled = panelSchema.parse({ ...at, id: 'workflow', type: 'workflow-kpis', title: { zh: '工单', en: 'Tickets' } });
    expect(panelTitle(titled, { ...district, kpiScopeName: '新竹街道' })).toBe('新竹街道 · 工单');
  });

  it('counts overdue tickets in the heading once known, and names the closing-rate ranking by level', () => {
    const overdue = panelSchema.parse({ ...at, id: 'overdue', type: 'overdue-list' });
    expect(panelTitle(overdue, district)).toBe('超期工单');
    expect(panelTitle(overdue, { ...district, overdueNow: 23 })).toBe('超期工单 · 共 23 件');
    const closing = panelSchema.parse({ ...at, id: 'closing', type: 'closing-ranking' });
    expect(panelTitle(closing, district)).toBe('今日街道办结率排名');
    expect(panelTitle(closing, { ...district, scopeLevel: 'street', lang: 'en', period: 'this week' })).toBe('Communities by closing rate, this week');
  });

  it("ranks a community's grids, and keeps a plain heading on a grid, which has nothing below", () => {
    const closing = panelSchema.parse({ ...at, id: 'closing', type: 'closing-ranking' });
    expect(panelTitle(closing, { ...district, scopeLevel: 'community' })).toBe('今日网格办结率排名');
    expect(panelTitle(closing, { ...district, scopeLevel: 'community', lang: 'en', period: 'today' })).toBe('Grids by closing rate, today');
    expect(panelTitle(closing, { ...district, scopeLevel: 'grid' })).toBe('办结率排名');
    const ranking = panelSchema.parse({ ...at, id: 'ranking', type: 'ranking' });
    expect(panelTitle(ranking, { ...district, scopeLevel: 'grid' })).toBe('今日受理排名');
  });
});
