import { describe, expect, it } from 'vitest';
import { BurstSchedule, DEFAULT_BURST_OPTIONS, type Burst } from './bursts';
import { DistrictModel } from './district-model';
import { createRandom } from './prng';
import { tinyDistrict } from './testing/tiny-district';

const district = new DistrictModel(tinyDistrict(2, 5, 4), createRandom(1));

function bursts(seed: number, hours: number): Burst[] {
  const schedule = new BurstSchedule(district, createRandom(seed), 0);
  const seen: Burst[] = [];
  for (let now = 0; now < hours * 3_600_000; now += 1_000) {
    const burst = schedule.at(now);
    if (burst !== null && seen[seen.length - 1] !== burst) seen.push(burst);
  }
  return seen;
}

describe('BurstSchedule', () => {
  it('starts the first burst within the first minute', () => {
    expect(bursts(1, 1)[0]?.startMs).toBeLessThanOrEqual(DEFAULT_BURST_OPTIONS.firstWithinMs);
  });

  it('spaces bursts by the mean gap plus their length, never overlapping', () => {
    const all = bursts(2, 24);
    const meanCycleMinutes = (DEFAULT_BURST_OPTIONS.meanGapMs + (DEFAULT_BURST_OPTIONS.minDurationMs + DEFAULT_BURST_OPTIONS.maxDurationMs) / 2) / 60_000;
    const expected = (24 * 60) / meanCycleMinutes;
    expect(all.length).toBeGreaterThan(expected * 0.75);
    expect(all.length).toBeLessThan(expected * 1.25);
    all.forEach((burst, index) => {
      const duration = burst.endMs - burst.startMs;
      expect(duration).toBeGreaterThanOrEqual(DEFAULT_BURST_OPTIONS.minDurationMs);
      expect(duration).toBeLessThanOrEqual(DEFAULT_BURST_OPTIONS.maxDurationMs);
      const next = all[index + 1];
      if (next) expect(next.startMs).toBeGreaterThanOrEqual(burst.endMs);
    });
  });

  it('is mostly about noise and always about a community of the district', () => {
    const all = bursts(3, 48);
    const noise = all.filter((burst) => burst.category === 'noise').length / all.length;
    expect(noise).toBeGreaterThan(0.3);
    const communities = new Set(district.grids.map((grid) => grid.communityCode));
    expect(all.every((burst) => communities.has(burst.communityCode))).toBe(true);
  });
});
