/**
 * A value read at most once per `ttlMs`, however many scrapes ask: concurrent reads share the one in flight, so a
 * burst of scrapes (or several Prometheus servers) costs one Redis or ClickHouse round trip, not one each.
 */
export class CachedSample<T> {
  private value: { readonly at: number; readonly sample: Promise<T> } | null = null;

  constructor(
    private readonly read: () => Promise<T> | T,
    private readonly ttlMs: number,
  ) {}

  get(now = Date.now()): Promise<T> {
    if (this.value && now - this.value.at < this.ttlMs) return this.value.sample;
    const sample = Promise.resolve().then(this.read);
    this.value = { at: now, sample };
    // A failed read is not kept: the next scrape tries again instead of repeating the failure for a whole ttl.
    sample.catch(() => {
      if (this.value?.sample === sample) this.value = null;
    });
    return sample;
  }
}
