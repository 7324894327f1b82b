import { describe, expect, it } from '@jest/globals';
import { overviewState, STALE_AFTER_MS } from './overview-staleness';

describe('overviewState', () => {
  const at = 1_000_000;

  it('has nothing to show before the first answer', () => {
    expect(overviewState(null, false, at)).toBe('none');
    expect(overviewState(null, true, at)).toBe('none');
  });

  it('is live while answers keep coming, stale once they stop for three polls', () => {
    expect(overviewState(at, false, at + 1_500)).toBe('live');
    expect(overviewState(at, false, at + STALE_AFTER_MS)).toBe('live');
    expect(overviewState(at, false, at + STALE_AFTER_MS + 1)).toBe('stale');
  });

  it('is stale at once when the latest poll failed, however recent the last good one', () => {
    expect(overviewState(at, true, at + 100)).toBe('stale');
  });
});
