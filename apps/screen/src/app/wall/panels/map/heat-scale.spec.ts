import { describe, expect, it } from '@jest/globals';
import { heatByGrid, heatScaleMax } from './heat-scale';

describe('heatScaleMax', () => {
  it.each([
    [[], 5],
    [[0, 3], 5],
    [[7], 10],
    [[13, 2], 20],
    [[20], 20],
    [[51], 100],
    [[180], 200],
    [[4999], 5000],
  ])('%j → %d', (counts, expected) => {
    expect(heatScaleMax(counts)).toBe(expected);
  });
});

describe('heatByGrid', () => {
  it('gives every grid a value, zero where nothing was reported', () => {
    expect(heatByGrid(['450103001001001', '450103001001002'], [{ gridCode: '450103001001002', count: 4 }])).toEqual([
      { name: '450103001001001', value: 0 },
      { name: '450103001001002', value: 4 },
    ]);
  });

  it('ignores heat for grids the map does not show', () => {
    expect(heatByGrid(['450103001001001'], [{ gridCode: '450103009009009', count: 4 }])).toEqual([{ name: '450103001001001', value: 0 }]);
  });
});
