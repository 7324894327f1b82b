import { describe, expect, it } from '@jest/globals';
import type { PlaylistEntry } from '@grid-command/contracts';
import { alertFixture } from '@grid-command/contracts/testing';
import {
  advance,
  criticalHoldEnded,
  criticalToHold,
  criticalWallScope,
  holdForCritical,
  isDue,
  nextEntryIndex,
  nextWakeMs,
  pauseReason,
  pauseRotation,
  releaseCritical,
  resumeRotation,
  secondsToNext,
  startRotation,
  type CriticalHold,
  type Rotation,
} from './playlist-rotation';

const ENTRIES: PlaylistEntry[] = [
  { layout: 'leader-wall', dwellSeconds: 60 },
  { layout: 'leader-wall', scope: 'street:450103001', dwellSeconds: 30 },
  { layout: 'street-wall', scope: 'street:450103002', dwellSeconds: 20 },
];
const NONE: ReadonlySet<number> = new Set();

/** A fake clock: the tests move it by hand. */
function clockAt(startMs: number) {
  let now = startMs;
  return {
    now: () => now,
    pass: (seconds: number) => (now += seconds * 1000),
  };
}

function heldOf(rotation: Rotation): CriticalHold {
  if (rotation.critical === null) throw new Error('not held');
  return rotation.critical;
}

describe('the playlist rotation', () => {
  it('shows each entry for its dwell, then the next, going round', () => {
    const clock = clockAt(1_000_000);
    let rotation = startRotation(ENTRIES, clock.now());
    const shown: number[] = [rotation.index];
    for (let step = 0; step < 4; step += 1) {
      clock.pass(secondsToNext(rotation, clock.now()) - 1);
      expect(isDue(rotation, clock.now())).toBe(false);
      clock.pass(1);
      expect(isDue(rotation, clock.now())).toBe(true);
      rotation = advance(rotation, ENTRIES, clock.now(), NONE);
      shown.push(rotation.index);
    }
    expect(shown).toEqual([0, 1, 2, 0, 1]);
    expect(secondsToNext(rotation, clock.now())).toBe(30);
  });

  it('skips entries found unusable, keeps the only usable one, and stops when none is usable', () => {
    expect(nextEntryIndex(3, 0, new Set([1]))).toBe(2);
    expect(nextEntryIndex(3, 2, new Set([0]))).toBe(1);
    expect(nextEntryIndex(3, 1, new Set([0, 2]))).toBe(1);
    expect(nextEntryIndex(3, 1, new Set([0, 1, 2]))).toBeNull();
    const rotation = startRotation(ENTRIES, 0);
    expect(advance(rotation, ENTRIES, 5000, new Set([0, 1, 2]))).toBe(rotation);
    expect(advance(rotation, ENTRIES, 5000, new Set([1]))).toMatchObject({ index: 2, dueAtMs: 25_000 });
  });

  it('stops the entry’s clock on a pause command and resumes it with what was left', () => {
    const clock = clockAt(0);
    let rotation = startRotation(ENTRIES, clock.now());
    clock.pass(45);
    rotation = pauseRotation(rotation, clock.now());
    expect(pauseReason(rotation)).toBe('command');
    clock.pass(600);
    expect(isDue(rotation, clock.now())).toBe(false);
    expect(secondsToNext(rotation, clock.now())).toBe(15);
    expect(nextWakeMs(rotation)).toBeNull();
    rotation = resumeRotation(rotation, clock.now());
    expect(pauseReason(rotation)).toBeNull();
    expect(secondsToNext(rotation, clock.now())).toBe(15);
    clock.pass(15);
    expect(isDue(rotation, clock.now())).toBe(true);
  });

  it('a second pause keeps the time left at the first one', () => {
    let rotation = pauseRotation(startRotation(ENTRIES, 0), 10_000);
    rotation = pauseRotation(rotation, 40_000);
    expect(secondsToNext(resumeRotation(rotation, 90_000), 90_000)).toBe(50);
  });

  it('holds on a critical alert, in the alert’s place, and resumes where it stopped once the alert is answered', () => {
    const clock = clockAt(0);
    let rotation = advance(startRotation(ENTRIES, clock.now()), ENTRIES, clock.now(), NONE);
    clock.pass(10);
    const alert = alertFixture({ severity: 'critical', state: 'open', scope: 'grid:450103001002015' });
    rotation = holdForCritical(rotation, alert, clock.now(), 300);
    expect(pauseReason(rotation)).toBe('critical');
    expect(rotation.critical).toEqual({ alertId: alert.id, scope: 'community:450103001002', untilMs: 310_000 });
    expect(nextWakeMs(rotation)).toBe(310_000);
    const hold = heldOf(rotation);
    clock.pass(120);
    expect(isDue(rotation, clock.now())).toBe(false);
    expect(criticalHoldEnded(hold, alert, clock.now())).toBe(false);
    expect(criticalHoldEnded(hold, { ...alert, state: 'acknowledged' }, clock.now())).toBe(true);
    rotation = releaseCritical(rotation, clock.now());
    expect(rotation.index).toBe(1);
    expect(pauseReason(rotation)).toBeNull();
    expect(secondsToNext(rotation, clock.now())).toBe(20);
  });

  it('gives up holding after the hold time even while the alert is still open, and not for a vanished alert later', () => {
    const alert = alertFixture({ severity: 'critical', state: 'open' });
    const hold = heldOf(holdForCritical(startRotation(ENTRIES, 0), alert, 0, 60));
    expect(criticalHoldEnded(hold, alert, 59_999)).toBe(false);
    expect(criticalHoldEnded(hold, alert, 60_000)).toBe(true);
    expect(criticalHoldEnded(hold, undefined, 1000)).toBe(true);
  });

  it('stays paused after the alert when a pause command came meanwhile, and the alert keeps the wall through a resume', () => {
    let rotation = holdForCritical(startRotation(ENTRIES, 0), alertFixture({ severity: 'critical' }), 20_000, 300);
    rotation = pauseRotation(rotation, 30_000);
    rotation = resumeRotation(rotation, 35_000);
    expect(pauseReason(rotation)).toBe('critical');
    rotation = pauseRotation(rotation, 36_000);
    rotation = releaseCritical(rotation, 50_000);
    expect(pauseReason(rotation)).toBe('command');
    expect(secondsToNext(resumeRotation(rotation, 99_000), 99_000)).toBe(40);
  });

  it('stops for the newest unanswered critical alert it has not held for yet', () => {
    const older = alertFixture({ severity: 'critical', state: 'open', openedAt: '2026-12-01T08:00:00.000Z' });
    const newer = alertFixture({ severity: 'critical', state: 'open', openedAt: '2026-12-01T08:05:00.000Z' });
    const answered = alertFixture({ severity: 'critical', state: 'acknowledged', openedAt: '2026-12-01T08:09:00.000Z' });
    const major = alertFixture({ severity: 'major', state: 'open', openedAt: '2026-12-01T08:10:00.000Z' });
    expect(criticalToHold([older, newer, answered, major], new Set())?.id).toBe(newer.id);
    expect(criticalToHold([older, newer, answered, major], new Set([newer.id]))?.id).toBe(older.id);
    expect(criticalToHold([answered, major], new Set())).toBeNull();
  });

  it('shows a grid’s alert on its community and any other unit’s on that unit', () => {
    expect(criticalWallScope('grid:450103001002015')).toBe('community:450103001002');
    expect(criticalWallScope('street:450103004')).toBe('street:450103004');
  });
});
