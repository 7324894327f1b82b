import { describe, expect, it } from '@jest/globals';
import { rankingOption, rankingRows, rankLabel } from './ranking-option';

const ranking = [
  { scope: 'street:450103004', name: '南湖街道', count: 40 },
  { scope: 'street:450103001', name: '新竹街道', count: 31 },
  { scope: 'street:450103002', name: '中山街道', count: 9 },
  { scope: 'street:450103003', name: '建政街道', count: 0 },
];

describe('rankingRows', () => {
  it('numbers the children in the order the server ranked them and stops at the limit', () => {
    expect(rankingRows(ranking, 3)).toEqual([
      { rank: 1, name: '南湖街道', count: 40 },
      { rank: 2, name: '新竹街道', count: 31 },
      { rank: 3, name: '中山街道', count: 9 },
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
