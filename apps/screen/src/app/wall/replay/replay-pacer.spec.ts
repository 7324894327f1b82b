import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ReplayPacer } from './replay-pacer';

describe('the replay pacer', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const settle = async (ms: number): Promise<void> => {
    await jest.advanceTimersByTimeAsync(ms);
  };

  it('fetches at most once per second of real time, at the position of that moment', async () => {
    let position = 1_000_000;
    const asked: number[] = [];
    const pacer = new ReplayPacer(async (at) => (asked.push(at), true), () => position);
    pacer.start();
    for (let tick = 0; tick < 10; tick += 1) {
      position += 60_000;
      await settle(250);
    }
    pacer.stop();
    // 2.5 s of real time: the start, then one per second.
    expect(asked.length).toBe(3);
    expect(asked[0]).toBe(1_060_000);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('never starts a fetch while one is in flight, however long it takes', async () => {
    let position = 0;
    let running = 0;
    let overlapped = false;
    const pacer = new ReplayPacer(
      async () => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 3_500));
        running -= 1;
        return true;
      },
      () => (position += 1000),
    );
    pacer.start();
    pacer.nudge();
    await settle(10_000);
    pacer.nudge();
    await settle(5_000);
    pacer.stop();
    expect(overlapped).toBe(false);
  });

  it('asks nothing while the position stands still (paused), and asks again when nudged', async () => {
    const asked: number[] = [];
    const pacer = new ReplayPacer(async (at) => (asked.push(at), true), () => 42);
    pacer.start();
    await settle(5_000);
    expect(asked).toEqual([42]);
    pacer.nudge();
    await settle(1_000);
    expect(asked).toEqual([42, 42]);
    pacer.stop();
  });

  it('tries the same instant again after a failed fetch', async () => {
    const asked: number[] = [];
    let fail = true;
    const pacer = new ReplayPacer(async (at) => (asked.push(at), !fail), () => 7);
    pacer.start();
    await settle(1_500);
    fail = false;
    await settle(3_000);
    pacer.stop();
    expect(asked).toEqual([7, 7, 7]);
  });
});
