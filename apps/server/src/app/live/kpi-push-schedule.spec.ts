import { describe, expect, it } from '@jest/globals';
import { KpiPushSchedule } from './kpi-push-schedule';

const ROOM = 'kpis@district:450103@today';
const OTHER = 'kpis@street:450103001@today';
const timing = { minIntervalMs: 2_000, heartbeatMs: 30_000 };
/** A fake clock a few seconds into a minute, so adding seconds stays in it unless a test says otherwise. */
const T0 = Date.UTC(2026, 11, 1, 8, 0, 5);

/** Computes the room at `at` with `fingerprint`; answers whether it was pushed. */
function compute(schedule: KpiPushSchedule, room: string, at: number, fingerprint: string): boolean {
  schedule.started(room, at);
  return schedule.finished(room, fingerprint, at);
}

describe('KpiPushSchedule', () => {
  it('makes a room nobody computed due at once', () => {
    expect(new KpiPushSchedule(timing).due([ROOM, OTHER], T0)).toEqual([ROOM, OTHER]);
  });

  it('pushes the first result, then only changed figures', () => {
    const schedule = new KpiPushSchedule(timing);
    expect(compute(schedule, ROOM, T0, 'a')).toBe(true);
    schedule.changed(ROOM);
    expect(compute(schedule, ROOM, T0 + 3_000, 'a')).toBe(false);
    schedule.changed(ROOM);
    expect(compute(schedule, ROOM, T0 + 6_000, 'b')).toBe(true);
  });

  it('coalesces a storm of changes into one computation per window', () => {
    const schedule = new KpiPushSchedule(timing);
    compute(schedule, ROOM, T0, 'a');
    const dueAt: number[] = [];
    for (let at = T0 + 100; at < T0 + 10_000; at += 100) {
      schedule.changed(ROOM);
      if (schedule.due([ROOM], at).length > 0) {
        dueAt.push(at);
        compute(schedule, ROOM, at, `figures at ${at}`);
      }
    }
    expect(dueAt.length).toBeGreaterThan(0);
    for (const [index, at] of dueAt.entries()) expect(at - (dueAt[index - 1] ?? T0)).toBeGreaterThanOrEqual(timing.minIntervalMs);
    expect(dueAt.length).toBeLessThanOrEqual(Math.ceil(10_000 / timing.minIntervalMs));
  });

  it('is not due while quiet, until a new minute or the heartbeat', () => {
    const schedule = new KpiPushSchedule({ minIntervalMs: 2_000, heartbeatMs: 20_000 });
    compute(schedule, ROOM, T0, 'a');
    expect(schedule.due([ROOM], T0 + 10_000)).toEqual([]);
    expect(schedule.due([ROOM], T0 + 20_000)).toEqual([ROOM]);
    const minuteLater = Date.UTC(2026, 11, 1, 8, 1, 0);
    const quiet = new KpiPushSchedule(timing);
    compute(quiet, ROOM, T0 + 50_000, 'a');
    expect(quiet.due([ROOM], minuteLater - 1)).toEqual([]);
    expect(quiet.due([ROOM], minuteLater)).toEqual([ROOM]);
  });

  it('pushes unchanged figures on the heartbeat', () => {
    const schedule = new KpiPushSchedule(timing);
    compute(schedule, ROOM, T0, 'a');
    expect(compute(schedule, ROOM, T0 + 29_000, 'a')).toBe(false);
    expect(compute(schedule, ROOM, T0 + 30_000, 'a')).toBe(true);
  });

  it('never computes a room twice at once, and retries one that failed after the window', () => {
    const schedule = new KpiPushSchedule(timing);
    schedule.started(ROOM, T0);
    schedule.changed(ROOM);
    expect(schedule.due([ROOM], T0 + 5_000)).toEqual([]);
    schedule.failed(ROOM);
    expect(schedule.due([ROOM], T0 + 1_000)).toEqual([]);
    expect(schedule.due([ROOM], T0 + 2_000)).toEqual([ROOM]);
  });

  it('lets a new watcher reuse the latest figures only while they still stand', () => {
    const schedule = new KpiPushSchedule(timing);
    expect(schedule.isCurrent(ROOM, T0)).toBe(false);
    compute(schedule, ROOM, T0, 'a');
    expect(schedule.isCurrent(ROOM, T0 + 10_000)).toBe(true);
    expect(schedule.isCurrent(ROOM, T0 + 30_000)).toBe(false);
    schedule.changed(ROOM);
    expect(schedule.isCurrent(ROOM, T0 + 1_000)).toBe(false);
    compute(schedule, OTHER, T0 + 50_000, 'a');
    expect(schedule.isCurrent(OTHER, Date.UTC(2026, 11, 1, 8, 1, 0))).toBe(false);
  });

  it('forgets rooms nobody watches: one watched again starts over', () => {
    const schedule = new KpiPushSchedule(timing);
    compute(schedule, ROOM, T0, 'a');
    schedule.retainOnly(new Set());
    expect(schedule.due([ROOM], T0 + 100)).toEqual([ROOM]);
    expect(compute(schedule, ROOM, T0 + 100, 'a')).toBe(true);
  });
});
