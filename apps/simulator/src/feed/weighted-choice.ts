import type { Random } from './prng';

/** Picks items in proportion to their weights; built once, then each pick is a binary search. */
export class WeightedTable<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];

  constructor(entries: Iterable<readonly [T, number]>) {
    let total = 0;
    for (const [item, weight] of entries) {
      if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`weight must be a finite number >= 0, got ${weight}`);
      if (weight === 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (this.items.length === 0) throw new RangeError('a weighted table needs at least one positive weight');
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  pick(random: Random): T {
    const target = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}

/** A table from a record of weights, e.g. the category mix. */
export function tableOf<K extends string>(weights: Readonly<Record<K, number>>): WeightedTable<K> {
  return new WeightedTable(Object.entries(weights).map(([key, weight]) => [key as K, weight as number] as const));
}
