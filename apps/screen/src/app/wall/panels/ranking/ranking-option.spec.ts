import { describe, expect, it } from '@jest/globals';
import { rankingClickTarget, rankingOption, rankingRows, rankLabel } from './ranking-option';

const ranking = [
  { scope: 'street:450103004', name: '南湖街道', count: 40 },
  { scope: 'street:450103001', name: '新竹街道', count: 31 },
  { scope: 'street:450103002', name: '中山街道', count: 9 },
  { scope: 'street:450103003', name: '建政街道', count: 0 },
];

describe('rankingRows', () => {
  it('numbers the children in the order the server ranked them and stops at the limit', () => {
    expect(rankingRows(ranking, 3)).toEqual([
      { scope: 'street:450103004', rank: 1, name: '南湖街道', count: 40 },
      { scope: 'street:450103001', rank: 2, name: '新竹街道', count: 31 },
      { scope: 'street:450103002', rank: 3, name: '中山街道', count: 9 },
    ]);
  });
});

describe('rankingOption', () => {
  it('shows the top rank first with its count', () => {
    const option = rankingOption(ranking, 10);
    const yAxis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
    expect(yAxis && 'data' in yAxis ? yAxis.data?.[0] : null).toBe('1 南湖街道');
    const series = Array.isArray(option.series) ? option.series[0] : undefined;
    expect(series?.type === 'bar' ? series.data?.map((item) => (typeof item === 'object' && item !== null && 'value' in item ? item.value : item)) : null).toEqual([40, 31, 9, 0]);
  });

  it('styles the podium labels apart from the rest', () => {
    expect(rankLabel('1 南湖街道')).toBe('{top1|1} 南湖街道');
    expect(rankLabel('4 建政街道')).toBe('{rank|4} 建政街道');
    expect(rankLabel('12 Old Town')).toBe('{rank|12} Old Town');
  });
});

describe('rankingClickTarget', () => {
  it('opens the unit of the clicked bar or of the clicked name', () => {
    expect(rankingClickTarget(ranking, 10, { componentType: 'series', dataIndex: 1 })).toBe('street:450103001');
    expect(rankingClickTarget(ranking, 10, { componentType: 'yAxis', value: '3 中山街道' })).toBe('street:450103002');
  });

  it("opens a community's grids like any other level", () => {
    const grids = [
      { scope: 'grid:450103001002003', name: '桃源第3网格', count: 5 },
      { scope: 'grid:450103001002001', name: '桃源第1网格', count: 2 },
    ];
    expect(rankingClickTarget(grids, 10, { componentType: 'series', dataIndex: 0 })).toBe('grid:450103001002003');
    expect(rankingOption(grids, 10).yAxis).toMatchObject({ data: ['1 桃源第3网格', '2 桃源第1网格'], triggerEvent: true });
  });

  it('ignores a click past the rows shown or off the rows', () => {
    expect(rankingClickTarget(ranking, 2, { componentType: 'series', dataIndex: 2 })).toBeNull();
    expect(rankingClickTarget(ranking, 10, { componentType: 'yAxis', value: 'nonsense' })).toBeNull();
    expect(rankingClickTarget(ranking, 10, { componentType: 'xAxis', value: 3 })).toBeNull();
  });
});
