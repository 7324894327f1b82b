import { describe, expect, it } from '@jest/globals';
import { renderSoakMarkdown, soakFigures, type SoakSample } from './soak-figures';

const sample = (minute: number, heapUsedMb: number, nodes = 2_000, listeners = 300): SoakSample => ({ minute, heapUsedMb, nodes, listeners });

describe('soakFigures', () => {
  it('measures the heap’s slope after the warm-up only, in MB per hour', () => {
    // Fast growth while the page warms up, then 6 MB an hour.
    const samples = [sample(0, 10), sample(1, 30), sample(2, 40), ...Array.from({ length: 60 }, (_, index) => sample(5 + index, 40 + (index * 6) / 60))];
    const figures = soakFigures(samples, 5);
    expect(figures.heapMbPerHour).toBeCloseTo(6, 6);
    expect(figures.heapMb.start).toBe(40);
    expect(figures.samples).toBe(63);
    expect(figures.minutes).toBe(64);
  });

  it('has no slope from fewer than two settled samples', () => {
    expect(soakFigures([sample(0, 10), sample(1, 12)], 5).heapMbPerHour).toBeNull();
  });

  it('reads start, end and max of nodes and listeners after the warm-up', () => {
    const figures = soakFigures([sample(0, 10, 500, 20), sample(5, 10, 2_000, 300), sample(6, 10, 2_400, 310), sample(7, 10, 2_100, 305)], 5);
    expect(figures.nodes).toEqual({ start: 2_000, end: 2_100, max: 2_400 });
    expect(figures.listeners).toEqual({ start: 300, end: 305, max: 310 });
  });
});

describe('renderSoakMarkdown', () => {
  it('writes the figures a reader looks for', () => {
    const text = renderSoakMarkdown(soakFigures([sample(0, 10), sample(5, 20), sample(65, 26)], 5), { measuredAt: '2026-12-01 18:00', host: '2 cores', feed: '20 reports/s', sampleSeconds: 60, note: 'shared machine' });
    expect(text).toContain('6.00 MB/h');
    expect(text).toContain('| DOM nodes | 2000 | 2000 | 2000 |');
  });
});
