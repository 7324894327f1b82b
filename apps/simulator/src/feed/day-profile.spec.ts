import { describe, expect, it } from '@jest/globals';
import { dayFactor } from './day-profile';

const localTime = (hour: number, minute = 0): number => Date.UTC(2025, 5, 2, hour - 8, minute);

describe('dayFactor', () => {
  it('averages 1 over a day, so --rate is the daily mean', () => {
    let total = 0;
    for (let minute = 0; minute < 24 * 60; minute += 1) total += dayFactor(localTime(0, minute));
    expect(total / (24 * 60)).toBeCloseTo(1, 2);
  });

  it('is busy mid-morning and quiet before dawn', () => {
    expect(dayFactor(localTime(10, 30))).toBeGreaterThan(1.5);
    expect(dayFactor(localTime(3, 30))).toBeLessThan(0.2);
  });

  it('changes smoothly from one minute to the next, even across midnight', () => {
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      expect(Math.abs(dayFactor(localTime(0, minute + 1)) - dayFactor(localTime(0, minute)))).toBeLessThan(0.02);
    }
  });
});
