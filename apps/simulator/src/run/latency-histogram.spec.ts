import { percentile } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../feed/prng';
import { LatencyHistogram } from './latency-histogram';

describe('LatencyHistogram', () => {
  it('answers null before any sample', () => {
    const histogram = new LatencyHistogram();
    expect(histogram.percentile(50)).toBeNull();
    expect(histogram.max).toBeNull();
  });

  it('matches exact percentiles within 2%', () => {
    const random = createRandom(8);
    const samples = Array.from({ length: 10_000 }, () => Math.exp(random() * 8) * 0.5);
    const histogram = new LatencyHistogram();
    for (const sample of samples) histogram.record(sample);
    for (const p of [50, 95, 99, 99.9]) {
      const exact = percentile(samples, p) ?? 0;
      expect(Math.abs((histogram.percentile(p) ?? 0) - exact) / exact).toBeLessThan(0.021);
    }
    expect(histogram.percentile(100)).toBe(Math.max(...samples));
    expect(histogram.count).toBe(samples.length);
  });

  it('keeps sub-0.1 ms and very slow samples', () => {
    const histogram = new LatencyHistogram();
    histogram.record(0.01);
    histogram.record(3_600_000);
    expect(histogram.percentile(50)).toBe(0.1);
    expect(histogram.max).toBe(3_600_000);
  });

  it('starts over after reset', () => {
    const histogram = new LatencyHistogram();
    histogram.record(5);
    histogram.reset();
    expect(histogram.count).toBe(0);
    histogram.record(1);
    expect(histogram.percentile(99)).toBe(1);
  });
});
