/**
 * The value at index ⌊level·n⌋ of the sorted values (nearest rank from below, no interpolation): the same
 * definition as ClickHouse's `quantileExact`, so both sides agree to the last digit. null for no values. It is
 * not the textbook nearest rank of `percentile` (kpi.ts, ⌈p·n⌉), which the benchmark's latencies use.
 */
export function quantileExact(values: readonly number[], level: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.floor(level * sorted.length));
  return sorted[index] ?? null;
}
