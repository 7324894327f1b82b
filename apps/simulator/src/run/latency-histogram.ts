const MIN_MS = 0.1;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Up to ten minutes; anything slower lands in the last bucket. */
const BUCKETS = Math.ceil(Math.log(600_000 / MIN_MS) / LOG_GROWTH) + 1;

/**
 * Request latencies in log-spaced buckets 2% wide: fixed memory however long the run, percentiles
 * within 2% of the exact value. Bucket 0 holds [0, 0.1 ms]; bucket i holds (0.1·1.02^(i-1), 0.1·1.02^i].
 */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;
  private largest = 0;

  get count(): number {
    return this.total;
  }

  get max(): number | null {
    return this.total === 0 ? null : this.largest;
  }

  record(ms: number): void {
    const value = Math.max(0, ms);
    const index = value <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(value / MIN_MS) / LOG_GROWTH - 1e-9));
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.total += 1;
    this.largest = Math.max(this.largest, value);
  }

  /** Nearest-rank percentile (p in 0..100), reported as its bucket's upper edge, never above the maximum seen. */
  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let index = 0; index < BUCKETS; index += 1) {
      seen += this.counts[index] ?? 0;
      if (seen >= rank) return Math.min(MIN_MS * GROWTH ** index, this.largest);
    }
    return this.largest;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.largest = 0;
  }
}
