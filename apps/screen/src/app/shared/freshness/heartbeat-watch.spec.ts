import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { HEARTBEAT_GRACE_MS, HeartbeatWatch, silenceDeadlineMs } from './heartbeat-watch';

describe('silenceDeadlineMs', () => {
  it('allows the announced interval and the grace, which together stay under the 5 s a wall must flag a cut in', () => {
    expect(silenceDeadlineMs(10_000, 2000)).toBe(10_000 + 2000 + HEARTBEAT_GRACE_MS);
    expect(silenceDeadlineMs(0, 2000)).toBeLessThanOrEqual(5000);
  });
});

describe('HeartbeatWatch', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 23, 2, 0, 0) });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('turns silent exactly at the deadline after the last message, and not before', () => {
    const watch = new HeartbeatWatch(2000);
    watch.arrived();
    jest.advanceTimersByTime(2000 + HEARTBEAT_GRACE_MS - 1);
    expect(watch.silent()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(watch.silent()).toBe(true);
  });

  it('is not silent before the first message, and speaks again as soon as one arrives', () => {
    const watch = new HeartbeatWatch(2000);
    jest.advanceTimersByTime(60_000);
    expect(watch.silent()).toBe(false);
    watch.arrived();
    jest.advanceTimersByTime(10_000);
    expect(watch.silent()).toBe(true);
    watch.arrived();
    expect(watch.silent()).toBe(false);
  });

  it('moves the deadline with every message and with the interval the server announces', () => {
    const watch = new HeartbeatWatch(15_000);
    watch.arrived();
    watch.expectEvery(2000);
    jest.advanceTimersByTime(2000 + HEARTBEAT_GRACE_MS);
    expect(watch.silent()).toBe(true);
    watch.arrived();
    jest.advanceTimersByTime(1500);
    watch.arrived();
    jest.advanceTimersByTime(2000 + HEARTBEAT_GRACE_MS - 1);
    expect(watch.silent()).toBe(false);
  });

  it('awaits nothing after a reset', () => {
    const watch = new HeartbeatWatch(2000);
    watch.arrived();
    watch.reset();
    jest.advanceTimersByTime(60_000);
    expect(watch.silent()).toBe(false);
  });
});
