/** Arithmetic behind the live snapshot and the benchmark; the workflow KPIs are defined in kpis/workflow-kpis.ts. */

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: (p / 100) × n picks up a rounding error that can push the rank one too high (0.07 × 100).
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/** Largest first; ties in a stable order by key so rankings do not flicker between equal entries. */
export function rankDescending<T>(items: readonly T[], count: (item: T) => number, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => count(b) - count(a) || key(a).localeCompare(key(b)));
}
