import { describe, expect, it } from '@jest/globals';
import { percentile, rankDescending, sum } from './kpi';

describe('percentile (nearest rank)', () => {
  // The textbook example: the 30th percentile of 15, 20, 35, 40, 50 is 20, the 40th is 20, the 50th 35.
  const values = [50, 15, 40, 20, 35];

  it.each([
    [5, 15],
    [30, 20],
    [40, 20],
    [50, 35],
    [90, 50],
  ])('p%i is %i', (p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('p0 is the smallest value and p100 the largest', () => {
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 100)).toBe(50);
  });

  it('is always one of the values, never an interpolation', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10], 99)).toBe(10);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });

  it('is null for no values', () => {
    expect(percentile([], 50)).toBeNull();
  });

  it.each([-1, 100.5, 101])('rejects p = %d', (p) => {
    expect(() => percentile(values, p)).toThrow(RangeError);
  });

  const oneToN = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

  it('p90 of 1..10 is 9 and p50 of 1..100 is 50', () => {
    expect(percentile(oneToN(10), 90)).toBe(9);
    expect(percentile(oneToN(100), 50)).toBe(50);
  });

  it('p7 of 1..100 is 7, free of floating-point rank errors', () => {
    expect(percentile(oneToN(100), 7)).toBe(7);
  });

  it('p99.9 of 1..1000 is 999, not the maximum', () => {
    expect(percentile(oneToN(1000), 99.9)).toBe(999);
  });

  it('rejects a percentile that is not a number', () => {
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});

describe('sum', () => {
  it('adds any iterable, 0 for none', () => {
    expect(sum([1, 2, 3])).toBe(6);
    expect(sum(new Set([4, 5]))).toBe(9);
    expect(sum([])).toBe(0);
  });
});

describe('rankDescending', () => {
  const rows = [
    { code: 'b', count: 2 },
    { code: 'c', count: 5 },
    { code: 'a', count: 2 },
    { code: 'd', count: 0 },
  ];
  const rank = (input: typeof rows) =>
    rankDescending(input, (row) => row.count, (row) => row.code).map((row) => row.code);

  it('puts the largest first and breaks ties by key', () => {
    expect(rank(rows)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('gives the same order whatever the input order, so rankings do not flicker', () => {
    expect(rank([...rows].reverse())).toEqual(['c', 'a', 'b', 'd']);
  });

  it('leaves its input as it was', () => {
    const input = [...rows];
    rank(input);
    expect(input).toEqual(rows);
  });
});
