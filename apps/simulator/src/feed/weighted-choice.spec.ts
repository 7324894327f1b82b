import { describe, expect, it } from '@jest/globals';
import { createRandom } from './prng';
import { tableOf, WeightedTable } from './weighted-choice';

function frequencies<T>(table: WeightedTable<T>, draws: number, seed = 3): Map<T, number> {
  const random = createRandom(seed);
  const counts = new Map<T, number>();
  for (let i = 0; i < draws; i += 1) {
    const item = table.pick(random);
    counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return new Map([...counts].map(([item, count]) => [item, count / draws]));
}

describe('WeightedTable', () => {
  it('picks in proportion to the weights', () => {
    const shares = frequencies(new WeightedTable([['a', 6], ['b', 3], ['c', 1]]), 50_000);
    expect(shares.get('a')).toBeCloseTo(0.6, 1);
    expect(shares.get('b')).toBeCloseTo(0.3, 1);
    expect(shares.get('c')).toBeCloseTo(0.1, 1);
  });

  it('never picks an item of weight zero', () => {
    const shares = frequencies(new WeightedTable([['never', 0], ['always', 1], ['also-never', 0]]), 1_000);
    expect([...shares.keys()]).toEqual(['always']);
  });

  it('picks the first and last items at the edges of [0, 1)', () => {
    const table = new WeightedTable([['first', 1], ['last', 1]]);
    expect(table.pick(() => 0)).toBe('first');
    expect(table.pick(() => 0.999_999)).toBe('last');
  });

  it('rejects tables that cannot pick anything', () => {
    expect(() => new WeightedTable([])).toThrow('at least one positive weight');
    expect(() => new WeightedTable([['a', 0]])).toThrow('at least one positive weight');
    expect(() => new WeightedTable([['a', -1]])).toThrow('finite number >= 0');
    expect(() => new WeightedTable([['a', Number.NaN]])).toThrow('finite number >= 0');
  });

  it('builds from a record', () => {
    const table = tableOf({ x: 1, y: 3 });
    expect(table.total).toBe(4);
    expect(frequencies(table, 20_000).get('y')).toBeCloseTo(0.75, 1);
  });
});
