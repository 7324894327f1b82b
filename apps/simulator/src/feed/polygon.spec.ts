import { describe, expect, it } from '@jest/globals';
import { createRandom } from './prng';
import { centroidOf, containsPoint, outerRingOf, pointInside, type Ring } from './polygon';

const square: Ring = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
/** An L: the square minus its top-right quarter; its centroid still lies inside, its bounding box does not. */
const ell: Ring = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];

describe('polygon helpers', () => {
  it('finds the centroid of a ring', () => {
    expect(centroidOf(square)).toEqual([1, 1]);
    const [x, y] = centroidOf(ell);
    expect(x).toBeCloseTo(5 / 6);
    expect(y).toBeCloseTo(5 / 6);
  });

  it('tells inside from outside, concave rings included', () => {
    expect(containsPoint(ell, [0.5, 0.5])).toBe(true);
    expect(containsPoint(ell, [1.5, 0.5])).toBe(true);
    expect(containsPoint(ell, [1.5, 1.5])).toBe(false);
    expect(containsPoint(ell, [3, 0.5])).toBe(false);
  });

  it('samples points inside the ring and spread over it', () => {
    const random = createRandom(9);
    const points = Array.from({ length: 2_000 }, () => pointInside(ell, centroidOf(ell), random));
    expect(points.every((point) => containsPoint(ell, point))).toBe(true);
    const upperLeft = points.filter(([x, y]) => x < 1 && y > 1).length / points.length;
    expect(upperLeft).toBeGreaterThan(0.25);
    expect(upperLeft).toBeLessThan(0.42);
  });

  it('falls back to the centroid when sampling keeps missing', () => {
    expect(pointInside(ell, [0.4, 0.4], () => 0.99)).toEqual([0.4, 0.4]);
  });

  it('takes the largest part of a multipolygon', () => {
    const tiny: [number, number][][] = [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]];
    const big: [number, number][][] = [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]];
    const ring = outerRingOf({ type: 'MultiPolygon', coordinates: [tiny, big] });
    expect(ring).toEqual(square);
  });
});
