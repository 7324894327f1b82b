import { describe, expect, it } from '@jest/globals';
import { bucketColor, resolveDistributionOption } from './resolve-distribution-option';

const buckets = [
  { fromMinutes: 1440, toMinutes: null, tickets: 4 },
  { fromMinutes: 0, toMinutes: 60, tickets: 30 },
  { fromMinutes: 60, toMinutes: 240, tickets: 12 },
];

describe('resolveDistributionOption', () => {
  it('draws one bar per bucket, shortest first, labelled by duration', () => {
    const option = resolveDistributionOption(buckets, 'zh');
    const xAxis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    expect(xAxis && 'data' in xAxis ? xAxis.data : null).toEqual(['<1小时', '1–4小时', '≥1天']);
    const series = Array.isArray(option.series) ? option.series[0] : undefined;
    const values = series?.type === 'bar' ? series.data?.map((item) => (typeof item === 'object' && item !== null && 'value' in item ? item.value : item)) : null;
    expect(values).toEqual([30, 12, 4]);
  });

  it('colours the slowest bucket red and the quickest cyan', () => {
    expect(bucketColor(0, 5)).toBe('#22d3ee');
    expect(bucketColor(4, 5)).toBe('#f43f5e');
  });
});
