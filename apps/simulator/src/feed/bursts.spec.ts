import { describe, expect, it } from '@jest/globals';
import { BurstSchedule, DEFAULT_BURST_OPTIONS, DISTRICT_BURST_OPTIONS, NO_BURST_OPTIONS, type Burst, type BurstOptions } from './bursts';
import { DistrictModel } from './district-model';
import { createRandom } from './prng';
import { tinyDistrict } from './testing/tiny-district';

const district = new DistrictModel(tinyDistrict(2, 5, 4), createRandom(1));

function bursts(seed: number, hours: number, options: BurstOptions = DEFAULT_BURST_OPTIONS, meanRatePerSecond = 0): Burst[] {
  const schedule = new BurstSchedule(district, createRandom(seed), 0, options, meanRatePerSecond);
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

  it('brings a district burst\'s minimum of reports at a district\'s rate, and only the boost at a busy one', () => {
    const demoRate = 720 / 86_400;
    // About one every 90 + 15 minutes: some 27 in two days.
    const twoDays = bursts(4, 48, DISTRICT_BURST_OPTIONS, demoRate);
    expect(twoDays.length).toBeGreaterThan(15);
    expect(twoDays.length).toBeLessThan(45);
    for (const burst of twoDays) {
      const extra = burst.boost * demoRate * ((burst.endMs - burst.startMs) / 1_000);
      expect(extra).toBeCloseTo(DISTRICT_BURST_OPTIONS.minReports, 6);
    }
    expect(bursts(5, 2, DEFAULT_BURST_OPTIONS, 20).every((burst) => burst.boost === DEFAULT_BURST_OPTIONS.boost)).toBe(true);
    expect(bursts(6, 2, { ...DEFAULT_BURST_OPTIONS, minReports: 14 }, 20).every((burst) => burst.boost === DEFAULT_BURST_OPTIONS.boost)).toBe(true);
  });

  it('has none when off', () => {
    expect(bursts(7, 24, NO_BURST_OPTIONS, 20)).toEqual([]);
  });
});
