import { describe, expect, it } from '@jest/globals';
import type { WallHealPolicy } from '@grid-command/contracts';
import { heapGrowthMbPerHour, isQuietTime, judgeWall, shouldReloadNow, type HealthSample } from './self-heal';

const policy: WallHealPolicy = { heapLimitMb: 500, heapHardLimitMb: 900, heapGrowthMbPerHour: 50, minFps: 10, quietHours: { start: '03:00', end: '05:00' }, timeZone: 'Asia/Shanghai' };
const T0 = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;

/** One sample every 10 s for `minutes`, the heap and frame rate as functions of the minute. */
function samples(minutes: number, heap: (minute: number) => number | null, fps: (minute: number) => number | null = () => 60): HealthSample[] {
  return Array.from({ length: minutes * 6 + 1 }, (_, index) => {
    const minute = index / 6;
    return { atMs: T0 + minute * MINUTE, heapMb: heap(minute), fps: fps(minute) };
  });
}

describe('judgeWall', () => {
  it('leaves a steady page alone, whatever GC does to its heap from sample to sample', () => {
    expect(judgeWall(samples(60, (minute) => 120 + 15 * Math.sin(minute)), policy)).toEqual({ kind: 'healthy' });
  });

  it('reloads at once above the hard bound, and in the quiet hours above the soft one', () => {
    expect(judgeWall(samples(1, () => 950), policy)).toEqual({ kind: 'now', reason: 'heap_hard' });
    expect(judgeWall(samples(1, () => 600), policy)).toEqual({ kind: 'quiet_hours', reason: 'heap' });
  });

  it('counts growth over the last hour only once half an hour is known', () => {
    // 100 MB/h: over the bound once 30 minutes are measured, not before.
    expect(judgeWall(samples(20, (minute) => 100 + minute * (100 / 60)), policy)).toEqual({ kind: 'healthy' });
    expect(judgeWall(samples(40, (minute) => 100 + minute * (100 / 60)), policy)).toEqual({ kind: 'quiet_hours', reason: 'heap' });
    expect(heapGrowthMbPerHour(samples(60, (minute) => 100 + minute * (30 / 60)))).toBeCloseTo(30, 5);
    expect(heapGrowthMbPerHour(samples(60, () => null))).toBeNull();
  });

  it('flags a frame rate under the bound for five minutes on end, not a dip', () => {
    expect(judgeWall(samples(6, () => 100, () => 4), policy)).toEqual({ kind: 'quiet_hours', reason: 'fps' });
    expect(judgeWall(samples(6, () => 100, (minute) => (minute > 3 && minute < 4 ? 4 : 60)), policy)).toEqual({ kind: 'healthy' });
    expect(judgeWall(samples(2, () => 100, () => 4), policy)).toEqual({ kind: 'healthy' });
    expect(judgeWall(samples(6, () => 100, () => 4), { ...policy, minFps: 0 })).toEqual({ kind: 'healthy' });
    // A browser that cannot count frames is not judged by them.
    expect(judgeWall(samples(6, () => 100, () => null), policy)).toEqual({ kind: 'healthy' });
  });
});

describe('isQuietTime', () => {
  it('reads the window on the deployment’s clock, not UTC', () => {
    // 03:30 in Shanghai is 19:30 UTC the day before.
    expect(isQuietTime(Date.parse('2026-11-30T19:30:00Z'), policy.quietHours, 'Asia/Shanghai')).toBe(true);
    expect(isQuietTime(Date.parse('2026-12-01T03:30:00Z'), policy.quietHours, 'Asia/Shanghai')).toBe(false);
    expect(isQuietTime(Date.parse('2026-12-01T03:30:00Z'), policy.quietHours, 'UTC')).toBe(true);
    expect(isQuietTime(Date.parse('2026-11-30T21:00:00Z'), policy.quietHours, 'Asia/Shanghai')).toBe(false);
  });

  it('spans midnight when the end comes before the start', () => {
    const overnight = { start: '23:00', end: '01:00' };
    expect(isQuietTime(Date.parse('2026-12-01T23:30:00Z'), overnight, 'UTC')).toBe(true);
    expect(isQuietTime(Date.parse('2026-12-01T00:30:00Z'), overnight, 'UTC')).toBe(true);
    expect(isQuietTime(Date.parse('2026-12-01T01:00:00Z'), overnight, 'UTC')).toBe(false);
  });
});

describe('shouldReloadNow', () => {
  const quiet = Date.parse('2026-11-30T19:30:00Z');
  const busy = Date.parse('2026-12-01T03:30:00Z');

  it('waits for the quiet hours with a soft reason, and not with a hard one', () => {
    expect(shouldReloadNow({ kind: 'quiet_hours', reason: 'heap' }, busy, policy, null)).toBe(false);
    expect(shouldReloadNow({ kind: 'quiet_hours', reason: 'heap' }, quiet, policy, null)).toBe(true);
    expect(shouldReloadNow({ kind: 'now', reason: 'heap_hard' }, busy, policy, null)).toBe(true);
    expect(shouldReloadNow({ kind: 'healthy' }, quiet, policy, null)).toBe(false);
  });

  it('does not reload again and again when a reload did not cure the page', () => {
    expect(shouldReloadNow({ kind: 'quiet_hours', reason: 'heap' }, quiet, policy, quiet - 20 * MINUTE)).toBe(false);
    expect(shouldReloadNow({ kind: 'quiet_hours', reason: 'heap' }, quiet, policy, quiet - 7 * 60 * MINUTE)).toBe(true);
    expect(shouldReloadNow({ kind: 'now', reason: 'heap_hard' }, busy, policy, busy - 2 * MINUTE)).toBe(false);
    expect(shouldReloadNow({ kind: 'now', reason: 'heap_hard' }, busy, policy, busy - 11 * MINUTE)).toBe(true);
  });
});
