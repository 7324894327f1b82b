import { describe, expect, it } from '@jest/globals';
import { easeOutCubic, tweenCount } from './count-tween';

describe('easeOutCubic', () => {
  it('starts at 0, ends at 1 and is past halfway at the midpoint', () => {
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(0.5)).toBe(0.875);
  });

  it('clamps progress outside 0..1', () => {
    expect(easeOutCubic(-1)).toBe(0);
    expect(easeOutCubic(2)).toBe(1);
  });
});

describe('tweenCount', () => {
  it('counts up through whole numbers and lands exactly on the target', () => {
    const frames = [0, 100, 300, 600, 899, 900, 2000].map((elapsed) => tweenCount(0, 1000, elapsed, 900));
    expect(frames[0]).toBe(0);
    expect(frames.every(Number.isInteger)).toBe(true);
    expect(frames.slice(1)).toEqual([...frames.slice(1)].sort((a, b) => a - b));
    expect(frames[5]).toBe(1000);
    expect(frames[6]).toBe(1000);
  });

  it('counts down when the day rolls over', () => {
    expect(tweenCount(500, 0, 450, 900)).toBeLessThan(500);
    expect(tweenCount(500, 0, 900, 900)).toBe(0);
  });

  it('jumps when animation is off', () => {
    expect(tweenCount(3, 7, 0, 0)).toBe(7);
  });
});
