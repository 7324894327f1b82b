import { describe, expect, it } from '@jest/globals';
import { aspectScaleAt, geoBounds } from './geo-bounds';

describe('geoBounds', () => {
  it('spans polygons and multipolygons alike', () => {
    expect(
      geoBounds([
        { type: 'Polygon', coordinates: [[[108.3, 22.8], [108.4, 22.8], [108.4, 22.9], [108.3, 22.8]]] },
        { type: 'MultiPolygon', coordinates: [[[[108.2, 22.7], [108.25, 22.7], [108.25, 22.75], [108.2, 22.7]]]] },
      ]),
    ).toEqual([
      [108.2, 22.9],
      [108.4, 22.7],
    ]);
  });

  it('is null without geometry', () => {
    expect(geoBounds([])).toBeNull();
  });
});

describe('aspectScaleAt', () => {
  it('is 1 at the equator and about 0.92 in Nanning', () => {
    expect(aspectScaleAt([[0, 1], [1, -1]])).toBe(1);
    expect(aspectScaleAt([[108.2, 22.9], [108.5, 22.7]])).toBeCloseTo(0.922, 3);
  });
});
