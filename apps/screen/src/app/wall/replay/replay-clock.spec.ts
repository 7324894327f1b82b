import { describe, expect, it } from '@jest/globals';
import { hasCaughtUp, pauseReplay, playReplay, replayTimeAt, seekReplay, setReplaySpeed, startReplayClock } from './replay-clock';

const REAL = Date.parse('2026-12-01T09:00:00Z');
const START = Date.parse('2026-11-30T00:00:00Z');
const SECOND = 1000;

describe('the replay clock', () => {
  it('runs at its speed from the start', () => {
    const clock = startReplayClock(START, 60, REAL);
    expect(replayTimeAt(clock, REAL)).toBe(START);
    expect(replayTimeAt(clock, REAL + 10 * SECOND)).toBe(START + 600 * SECOND);
  });

  it('stands still while paused and goes on from there when played again', () => {
    const paused = pauseReplay(startReplayClock(START, 10, REAL), REAL + 3 * SECOND);
    expect(replayTimeAt(paused, REAL + 100 * SECOND)).toBe(START + 30 * SECOND);
    const resumed = playReplay(paused, REAL + 100 * SECOND);
    expect(replayTimeAt(resumed, REAL + 102 * SECOND)).toBe(START + 50 * SECOND);
  });

  it('changes speed without a jump', () => {
    const faster = setReplaySpeed(startReplayClock(START, 1, REAL), 600, REAL + 60 * SECOND);
    expect(replayTimeAt(faster, REAL + 60 * SECOND)).toBe(START + 60 * SECOND);
    expect(replayTimeAt(faster, REAL + 61 * SECOND)).toBe(START + 660 * SECOND);
  });

  it('seeks, keeping play or pause, and never past the present', () => {
    const clock = startReplayClock(START, 60, REAL);
    const sought = seekReplay(clock, START + 3_600 * SECOND, REAL + 5 * SECOND);
    expect(replayTimeAt(sought, REAL + 6 * SECOND)).toBe(START + 3_660 * SECOND);
    const pausedSought = seekReplay(pauseReplay(clock, REAL), START + 7 * SECOND, REAL + 5 * SECOND);
    expect(replayTimeAt(pausedSought, REAL + 50 * SECOND)).toBe(START + 7 * SECOND);
    expect(replayTimeAt(seekReplay(clock, REAL + 3_600 * SECOND, REAL), REAL)).toBe(REAL);
  });

  it('holds at the present once it catches up', () => {
    const near = startReplayClock(REAL - 60 * SECOND, 600, REAL);
    expect(hasCaughtUp(near, REAL + 0.05 * SECOND)).toBe(false);
    expect(hasCaughtUp(near, REAL + SECOND)).toBe(true);
    expect(replayTimeAt(near, REAL + 10 * SECOND)).toBe(REAL + 10 * SECOND);
  });
});
