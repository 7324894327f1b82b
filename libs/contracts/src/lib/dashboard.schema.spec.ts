import { describe, expect, it } from '@jest/globals';
import { canvasSize, dashboardSchema, panelSchema, servedDashboardSchema, WORKFLOW_KPI_KINDS } from './dashboard.schema';

/** A 12×6 wall; `panels` are the only thing the cases change. */
function wall(panels: unknown[]) {
  return {
    version: 1,
    title: { zh: '青秀区指挥中心', en: 'Qingxiu command center' },
    scope: 'district:450103',
    grid: { columns: 12, rows: 6 },
    staleAfterSeconds: 15,
    panels,
  };
}

const at = (id: string, x: number, y: number, w: number, h: number) => ({ id, x, y, w, h });

describe('dashboardSchema', () => {
  it('fills in the default options of every panel type that has them', () => {
    const dashboard = dashboardSchema.parse(
      wall([
        { ...at('trend', 0, 0, 6, 3), type: 'trend' },
        { ...at('mix', 6, 0, 6, 3), type: 'category-mix' },
        { ...at('ranking', 0, 3, 4, 3), type: 'ranking', options: {} },
        { ...at('map', 4, 3, 4, 3), type: 'map' },
        { ...at('clock', 8, 3, 2, 1), type: 'clock' },
        { ...at('freshness', 10, 3, 2, 1), type: 'freshness' },
      ]),
    );
    expect(dashboard.panels.map((panel) => [panel.id, panel.options])).toEqual([
      ['trend', { area: true }],
      ['mix', { style: 'pie' }],
      ['ranking', { limit: 10 }],
      ['map', { level: 'grid' }],
      ['clock', {}],
      ['freshness', {}],
    ]);
  });

  it('fills in the defaults of the workflow panels and the KPI staleness bound', () => {
    const dashboard = dashboardSchema.parse(
      wall([
        { ...at('workflow', 0, 0, 6, 2), type: 'workflow-kpis' },
        { ...at('overdue', 6, 0, 6, 2), type: 'overdue-list' },
        { ...at('resolve', 0, 2, 6, 2), type: 'resolve-distribution' },
        { ...at('closing', 6, 2, 6, 2), type: 'closing-ranking', options: {} },
      ]),
    );
    expect(dashboard.kpiStaleAfterSeconds).toBe(90);
    expect(dashboard.panels.map((panel) => [panel.id, panel.options])).toEqual([
      ['workflow', { items: [...WORKFLOW_KPI_KINDS], columns: 5 }],
      ['overdue', { limit: 10 }],
      ['resolve', {}],
      ['closing', { limit: 10 }],
    ]);
  });

  it('fills in the defaults of the alert ticker and keeps options that are given', () => {
    expect(panelSchema.parse({ ...at('alerts', 0, 0, 12, 1), type: 'alert-ticker' }).options).toEqual({ limit: 20, speed: 90 });
    expect(panelSchema.parse({ ...at('alerts', 0, 0, 12, 1), type: 'alert-ticker', options: { limit: 5 } }).options).toEqual({ limit: 5, speed: 90 });
  });

  it('keeps workflow items in the order given', () => {
    const panel = panelSchema.parse({ ...at('workflow', 0, 0, 6, 2), type: 'workflow-kpis', options: { items: ['overdue', 'closingRate'], columns: 2 } });
    expect(panel.options).toEqual({ items: ['overdue', 'closingRate'], columns: 2 });
  });

  it('keeps options that are given', () => {
    const dashboard = dashboardSchema.parse(
      wall([
        { ...at('kpis', 0, 0, 12, 1), type: 'kpis', options: { items: ['reported', 'lastHour'] } },
        { ...at('ranking', 0, 1, 6, 5), type: 'ranking', options: { limit: 30 } },
        { ...at('trend', 6, 1, 6, 5), type: 'trend', options: { area: false } },
      ]),
    );
    expect(dashboard.panels.map((panel) => panel.options)).toEqual([{ items: ['reported', 'lastHour'] }, { limit: 30 }, { area: false }]);
  });

  it('accepts a panel that touches the right and bottom edges', () => {
    expect(dashboardSchema.safeParse(wall([{ ...at('clock', 10, 5, 2, 1), type: 'clock' }])).success).toBe(true);
  });

  it('rejects a duplicate panel id at the path of the second one', () => {
    const result = dashboardSchema.safeParse(
      wall([
        { ...at('clock', 0, 0, 1, 1), type: 'clock' },
        { ...at('trend', 1, 0, 1, 1), type: 'trend' },
        { ...at('clock', 2, 0, 1, 1), type: 'freshness' },
      ]),
    );
    expect(result.error?.issues).toMatchObject([{ path: ['panels', 2, 'id'], message: 'duplicate panel id "clock"' }]);
  });

  it.each([
    ['too wide', at('wide', 10, 0, 3, 1)],
    ['too tall', at('tall', 0, 5, 1, 2)],
  ])('rejects a panel %s for the grid, at the path of the panel', (_case, position) => {
    const result = dashboardSchema.safeParse(wall([{ ...at('ok', 0, 0, 1, 1), type: 'clock' }, { ...position, type: 'clock' }]));
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['panels', 1]);
    expect(result.error?.issues[0]?.message).toContain('12×6');
  });

  it('rejects an unknown panel type at panels[i].type', () => {
    const result = dashboardSchema.safeParse(wall([{ ...at('gauge', 0, 0, 1, 1), type: 'gauge' }]));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['panels', 0, 'type']]);
  });

  it.each([
    ['an id that is not kebab-case', { ...at('Trend_1', 0, 0, 1, 1), type: 'trend' }],
    ['an unknown option', { ...at('trend', 0, 0, 1, 1), type: 'trend', options: { area: true, smooth: true } }],
    ['an empty kpi list', { ...at('kpis', 0, 0, 1, 1), type: 'kpis', options: { items: [] } }],
    ['an unknown kpi', { ...at('kpis', 0, 0, 1, 1), type: 'kpis', options: { items: ['satisfaction'] } }],
    ['a ranking limit above 30', { ...at('ranking', 0, 0, 1, 1), type: 'ranking', options: { limit: 31 } }],
    ['a zero width', { ...at('clock', 0, 0, 0, 1), type: 'clock' }],
    ['an unknown workflow figure', { ...at('workflow', 0, 0, 1, 1), type: 'workflow-kpis', options: { items: ['lastHour'] } }],
    ['no workflow figures', { ...at('workflow', 0, 0, 1, 1), type: 'workflow-kpis', options: { items: [] } }],
    ['an overdue list longer than 30', { ...at('overdue', 0, 0, 1, 1), type: 'overdue-list', options: { limit: 31 } }],
    ['an option on the distribution', { ...at('resolve', 0, 0, 1, 1), type: 'resolve-distribution', options: { bins: 5 } }],
    ['a ticker limit of 0', { ...at('alerts', 0, 0, 1, 1), type: 'alert-ticker', options: { limit: 0 } }],
    ['a ticker too fast to read', { ...at('alerts', 0, 0, 1, 1), type: 'alert-ticker', options: { speed: 1000 } }],
    ['an unknown ticker option', { ...at('alerts', 0, 0, 1, 1), type: 'alert-ticker', options: { scope: 'district:450103' } }],
  ])('rejects %s', (_case, panel) => {
    expect(panelSchema.safeParse(panel).success).toBe(false);
  });

  it.each([
    ['no panels', { panels: [] }],
    ['a scope that is not level:code', { scope: '450103' }],
    ['a version other than 1', { version: 2 }],
    ['staleAfterSeconds below 2', { staleAfterSeconds: 1 }],
    ['kpiStaleAfterSeconds below 10', { kpiStaleAfterSeconds: 5 }],
    ['the polling interval of old, kpiRefreshSeconds (KPIs are pushed now)', { kpiRefreshSeconds: 15 }],
    ['an unknown top-level key', { theme: 'dark' }],
  ])('rejects a dashboard with %s', (_case, change) => {
    expect(dashboardSchema.safeParse({ ...wall([{ ...at('clock', 0, 0, 1, 1), type: 'clock' }]), ...change }).success).toBe(false);
  });
});

describe('the canvas of a layout', () => {
  const clock = [{ ...at('clock', 0, 0, 1, 1), type: 'clock' }];

  it('is one 1080p screen when the layout does not say', () => {
    const dashboard = dashboardSchema.parse(wall(clock));
    expect(dashboard.canvas).toBe('16:9');
    expect(canvasSize(dashboard.canvas)).toEqual({ width: 1920, height: 1080 });
  });

  it.each([
    ['32:9', { width: 3840, height: 1080 }],
    ['48:9', { width: 5760, height: 1080 }],
    ['2x2', { width: 3840, height: 2160 }],
  ])('names the video wall %s as its design size', (canvas, size) => {
    expect(canvasSize(dashboardSchema.parse({ ...wall(clock), canvas }).canvas)).toEqual(size);
  });

  it('takes an explicit design size for a wall of another shape', () => {
    expect(canvasSize(dashboardSchema.parse({ ...wall(clock), canvas: { width: 7680, height: 1080 } }).canvas)).toEqual({ width: 7680, height: 1080 });
  });

  it.each([['an unknown arrangement', '5:4'], ['a size below one screen', { width: 800, height: 600 }], ['a size with a stray key', { width: 3840, height: 1080, dpi: 2 }]])(
    'rejects %s at canvas',
    (_case, canvas) => {
      const result = dashboardSchema.safeParse({ ...wall(clock), canvas });
      expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['canvas']);
    },
  );
});

describe('servedDashboardSchema', () => {
  const clock = [{ ...at('clock', 0, 0, 1, 1), type: 'clock' }];
  const served = { ...wall(clock), name: 'leader-wall', revision: '0123456789abcdef' };

  it('is the layout with its name and revision, and a notice when a bad edit is held back', () => {
    expect(servedDashboardSchema.parse(served).revision).toBe('0123456789abcdef');
    const notice = { file: 'leader-wall.json', since: '2026-12-01T08:00:00.000Z', problems: [{ field: 'grid.columns', zh: '不能大于 48', en: 'Too big' }] };
    expect(servedDashboardSchema.parse({ ...served, notice }).notice).toEqual(notice);
  });

  it('still checks that the panels fit the grid', () => {
    expect(servedDashboardSchema.safeParse({ ...served, panels: [{ ...at('clock', 12, 0, 1, 1), type: 'clock' }] }).success).toBe(false);
  });
});
