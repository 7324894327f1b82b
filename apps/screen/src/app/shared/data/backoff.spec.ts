import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt))).toEqual([2000, 4000, 8000, 16_000]);
  });

  it('stays at the cap however long the outage lasts', () => {
    expect(backoffDelay(4)).toBe(30_000);
    expect(backoffDelay(10_000)).toBe(30_000);
  });

  it('follows a custom policy', () => {
    expect(backoffDelay(2, { initialMs: 100, maxMs: 250 })).toBe(250);
  });
});
