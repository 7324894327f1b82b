import { describe, expect, it } from '@jest/globals';
import { Pacer } from './pacer';

function run(pacer: Pacer, rate: number, ticks: number, tickMs: number): number[] {
  return Array.from({ length: ticks }, () => pacer.due(rate, tickMs));
}

describe('Pacer', () => {
  it('hits the rate exactly over many ticks', () => {
    const counts = run(new Pacer(), 15, 100, 100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('carries fractions so slow rates still send', () => {
    expect(run(new Pacer(), 0.5, 40, 100).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('sends nothing at rate zero or for time going backwards', () => {
    const pacer = new Pacer();
    expect(pacer.due(0, 1_000)).toBe(0);
    expect(pacer.due(100, -500)).toBe(0);
  });

  it('catches up a stall only up to its limit', () => {
    expect(new Pacer(1_000).due(100, 60_000)).toBe(100);
  });
});
