import { describe, expect, it } from '@jest/globals';
import { initialSoundSwitch, nextSoundSwitch, soundView, type SoundEvent, type SoundSwitch } from './sound-switch';

const gesture: SoundEvent = { type: 'gesture' };
const unlocked: SoundEvent = { type: 'audio', access: 'ready' };
const click: SoundEvent = { type: 'click' };
const reload: SoundEvent = { type: 'reload' };

function run(state: SoundSwitch, ...events: SoundEvent[]): SoundSwitch {
  return events.reduce(nextSoundSwitch, state);
}

/** A mouse click on the button: pointerdown (the page unlocks audio, which answers at once or a little later), then click. */
const CLICK_UNLOCKING_AT_ONCE = [gesture, unlocked, click];
const CLICK_UNLOCKING_LATER = [gesture, click, unlocked];

const locked = initialSoundSwitch(true, false);
const on = run(locked, gesture, unlocked);
const muted = run(on, gesture, click);

describe('the sound switch', () => {
  it('starts locked with sound wanted, and muted when the officer muted it before', () => {
    expect(soundView(locked)).toBe('locked');
    expect(soundView(initialSoundSwitch(true, true))).toBe('muted');
    expect(soundView(initialSoundSwitch(false, false))).toBe('unsupported');
  });

  describe('locked', () => {
    it('turns on with one click on the button, whenever the browser answers the unlock', () => {
      expect(soundView(run(locked, ...CLICK_UNLOCKING_AT_ONCE))).toBe('on');
      expect(soundView(run(locked, ...CLICK_UNLOCKING_LATER))).toBe('on');
    });

    it('turns on with a pointerdown anywhere on the page, the officer having wanted sound', () => {
      expect(soundView(run(locked, gesture, unlocked))).toBe('on');
    });

    it('stays locked after a reload', () => {
      expect(soundView(run(locked, reload))).toBe('locked');
    });
  });

  describe('on', () => {
    it('mutes with one click', () => {
      expect(soundView(run(on, ...CLICK_UNLOCKING_AT_ONCE))).toBe('muted');
    });

    it('stays on after a pointerdown elsewhere', () => {
      expect(soundView(run(on, gesture, unlocked))).toBe('on');
    });

    it('is locked after a reload, and one click turns it on again, not off', () => {
      const reloaded = run(on, reload);
      expect(soundView(reloaded)).toBe('locked');
      expect(soundView(run(reloaded, ...CLICK_UNLOCKING_AT_ONCE))).toBe('on');
      expect(soundView(run(reloaded, ...CLICK_UNLOCKING_LATER))).toBe('on');
    });
  });

  describe('muted', () => {
    it('turns on with one click, unlocking audio on the way', () => {
      expect(soundView(muted)).toBe('muted');
      expect(soundView(run(muted, ...CLICK_UNLOCKING_AT_ONCE))).toBe('on');
      expect(soundView(run(initialSoundSwitch(true, true), ...CLICK_UNLOCKING_LATER))).toBe('on');
    });

    it('stays muted after a pointerdown elsewhere', () => {
      expect(soundView(run(muted, gesture, unlocked))).toBe('muted');
    });

    it('stays muted after a reload', () => {
      expect(soundView(run(muted, reload))).toBe('muted');
    });
  });

  it('does nothing without Web Audio', () => {
    const unsupported = initialSoundSwitch(false, false);
    expect(soundView(run(unsupported, gesture, click, reload))).toBe('unsupported');
  });
});
