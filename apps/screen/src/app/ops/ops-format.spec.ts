import { describe, expect, it } from '@jest/globals';
import type { OpsCapacity } from '@grid-command/contracts';
import { formatRate, formatWait, headroomBar } from './ops-format';

const MEASURED: OpsCapacity = { status: 'measured', reportsPerSecond: 4_000, acceptedPerSecond: 14_000, reportsPerRequest: 1000, measuredAt: '2026-12-01T12:00:00.000Z', source: 'bench-results/latest.json' };

describe('ops formatting', () => {
  it('shows a tenth below ten reports a second and whole grouped figures above', () => {
    expect(formatRate(0, 'en')).toBe('0');
    expect(formatRate(3.46, 'en')).toBe('3.5');
    expect(formatRate(12_345.6, 'en')).toBe('12,346');
    expect(formatRate(12_345.6, 'zh')).toBe('12,346');
  });

  it('says a wait in seconds below a minute, in minutes and seconds above', () => {
    expect(formatWait(4.25, 'en')).toBe('4.3 s');
    expect(formatWait(4.25, 'zh')).toBe('4.3 秒');
    expect(formatWait(125, 'en')).toBe('2 min 5 s');
  });
});

describe('the headroom bar', () => {
  it('fills with the share of the capacity in use and turns busy above 70 %', () => {
    expect(headroomBar(0.75, MEASURED)).toEqual({ width: 0.25, usedPercent: 25, level: 'calm' });
    expect(headroomBar(0.2, MEASURED)).toEqual({ width: 0.8, usedPercent: 80, level: 'busy' });
  });

  it('stays full and says by how much when over the capacity', () => {
    expect(headroomBar(-0.32, MEASURED)).toEqual({ width: 1, usedPercent: 132, level: 'over' });
  });

  it('has no bar without a measured capacity', () => {
    expect(headroomBar(null, { status: 'unknown', reason: 'no bench' })).toBeNull();
    expect(headroomBar(0.5, { status: 'unknown', reason: 'no bench' })).toBeNull();
  });
});
