import { describe, expect, it } from '@jest/globals';
import { dashboardSchema } from './dashboard.schema';
import { layoutProblemsOf, MAX_LAYOUT_PROBLEMS, unreadableLayoutProblem } from './layout-problems';

const valid = {
  version: 1,
  title: { zh: '青秀区指挥中心', en: 'Qingxiu command center' },
  scope: 'district:450103',
  grid: { columns: 12, rows: 6 },
  staleAfterSeconds: 15,
  panels: [{ id: 'clock', type: 'clock', x: 0, y: 0, w: 2, h: 1 }],
};

function problemsOf(layout: unknown) {
  const result = dashboardSchema.safeParse(layout);
  if (result.success) throw new Error('expected the layout to be invalid');
  return layoutProblemsOf(result.error);
}

describe('layoutProblemsOf', () => {
  it('names the field and says what is wrong in Chinese and in English', () => {
    expect(problemsOf({ ...valid, grid: { columns: 100, rows: 6 } })).toEqual([{ field: 'grid.columns', zh: '不能大于 96', en: expect.stringContaining('96') }]);
  });

  it.each([
    ['a missing field', { ...valid, title: undefined }, 'title', '缺少此字段'],
    ['a value of the wrong type', { ...valid, staleAfterSeconds: 'soon' }, 'staleAfterSeconds', '类型不对，应为 number'],
    ['an unknown key, by its own name', { ...valid, theme: 'dark' }, 'theme', '不认识的字段'],
    ['an unknown panel type', { ...valid, panels: [{ ...valid.panels[0], type: 'gauge' }] }, 'panels[0].type', '不认识的面板类型'],
    ['an unknown canvas', { ...valid, canvas: '5:4' }, 'canvas', '应为 16:9、32:9、48:9、2x2 之一，或 {"width", "height"}'],
    ['no panels', { ...valid, panels: [] }, 'panels', '至少需要 1 项'],
    ['a wrong version', { ...valid, version: 2 }, 'version', '取值无效，可选：1'],
  ])('words %s', (_case, layout, field, zh) => {
    expect(problemsOf(layout)[0]).toMatchObject({ field, zh });
  });

  it("carries the schema's own Chinese for a panel that does not fit the grid", () => {
    expect(problemsOf({ ...valid, panels: [{ ...valid.panels[0], x: 11 }] })[0]).toMatchObject({ field: 'panels[0]', zh: '面板 "clock" 超出了 12×6 的网格' });
  });

  it('keeps only the first few problems of a file that is wrong everywhere', () => {
    const broken = { ...valid, version: 9, scope: 'x', grid: { columns: 0, rows: 0 }, staleAfterSeconds: 0, kpiStaleAfterSeconds: 0, panels: [] };
    expect(problemsOf(broken)).toHaveLength(MAX_LAYOUT_PROBLEMS);
  });

  it('says a file that is not JSON is not JSON', () => {
    expect(unreadableLayoutProblem('Unexpected end of JSON input')).toEqual({
      field: '',
      zh: '不是有效的 JSON（Unexpected end of JSON input）',
      en: 'not valid JSON (Unexpected end of JSON input)',
    });
  });
});
