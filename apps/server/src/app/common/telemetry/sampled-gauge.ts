import { Counter, Gauge, type Registry } from 'prom-client';
import { CachedSample } from './cached-sample';

/** How long a sampled value serves scrapes: Prometheus scrapes every 15 s; a human refreshing /metrics sees ≤ 2 s old. */
export const SAMPLE_TTL_MS = 2_000;

/** One reading of a sampled gauge: one value, or one value per label set. */
export type GaugeReading<L extends string> = number | ReadonlyArray<{ readonly labels: Readonly<Record<L, string>>; readonly value: number }>;

interface SampledGaugeSpec<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly L[];
  /** `counter`: a total its owner keeps (restarts since start), exposed as a Prometheus counter so rate() applies. */
  readonly type?: 'gauge' | 'counter';
}

/**
 * A gauge whose value is read when Prometheus scrapes (through a short cache), from a sampler the capability that
 * owns the figure registers: telemetry imports no capability, capabilities import telemetry. Until a sampler is
 * registered (the process does not run that role) or while it fails, the gauge has no series, so a missing figure
 * shows as absent rather than as a false zero.
 */
export class SampledGauge<L extends string = never> {
  private sample: CachedSample<GaugeReading<L>> | null = null;
  readonly name: string;

  constructor(registry: Registry, spec: SampledGaugeSpec<L>) {
    this.name = spec.name;
    const read = (): Promise<GaugeReading<L> | null> => this.read();
    const common = { name: spec.name, help: spec.help, labelNames: spec.labelNames ?? [], registers: [registry] };
    if (spec.type === 'counter') {
      new Counter<L>({
        ...common,
        async collect() {
          this.reset();
          const reading = await read();
          if (reading === null) return;
          if (typeof reading === 'number') this.inc(reading);
          else for (const { labels, value } of reading) this.inc(labels as Partial<Record<L, string>>, value);
        },
      });
      return;
    }
    new Gauge<L>({
      ...common,
      async collect() {
        this.reset();
        const reading = await read();
        if (reading === null) return;
        if (typeof reading === 'number') this.set(reading);
        else for (const { labels, value } of reading) this.set(labels as Partial<Record<L, string>>, value);
      },
    });
  }

  /** Registers where the value comes from; once per process, so two owners of one figure show up as a boot error. */
  sampleFrom(read: () => Promise<GaugeReading<L>> | GaugeReading<L>, ttlMs = SAMPLE_TTL_MS): void {
    if (this.sample) throw new Error(`${this.name} already has a sampler`);
    this.sample = new CachedSample(read, ttlMs);
  }

  private async read(): Promise<GaugeReading<L> | null> {
    if (!this.sample) return null;
    try {
      return await this.sample.get();
    } catch {
      // One failing source must not fail the whole scrape; its gauge is absent until it answers again.
      return null;
    }
  }
}
