import { describe, expect, it } from '@jest/globals';
import { snapshotFixture } from '@grid-command/contracts/testing';
import { categoryMixOption, categorySlices } from './category-mix-option';

const { byCategory } = snapshotFixture({ byCategory: { noise: 12, parking: 30, fire_safety: 1 } });

describe('categorySlices', () => {
  it('keeps only categories with reports, largest first, with Chinese labels', () => {
    expect(categorySlices(byCategory, 'zh').map((slice) => [slice.name, slice.value])).toEqual([
      ['车辆乱停', 30],
      ['噪音扰民', 12],
      ['消防安全', 1],
    ]);
  });

  it('labels in English on request and keeps each category in its own colour', () => {
    const slices = categorySlices(byCategory, 'en');
    expect(slices.map((slice) => slice.name)).toEqual(['Illegal parking', 'Noise', 'Fire safety']);
    expect(new Set(slices.map((slice) => slice.color)).size).toBe(3);
  });
});

describe('categoryMixOption', () => {
  it('draws a donut by default', () => {
    const series = categoryMixOption(byCategory, 'zh', 'pie').series;
    expect(Array.isArray(series) && series[0]?.type).toBe('pie');
  });

  it('draws bars with the names on the axis', () => {
    const option = categoryMixOption(byCategory, 'zh', 'bar');
    const yAxis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
    expect(yAxis && 'data' in yAxis ? yAxis.data : null).toEqual(['车辆乱停', '噪音扰民', '消防安全']);
  });
});
