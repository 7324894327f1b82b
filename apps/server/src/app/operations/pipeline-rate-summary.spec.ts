import { describe, expect, it } from '@jest/globals';
import { ratePairOf, trendOf } from './pipeline-rate-summary';

describe('the pipeline rate summary', () => {
  it('averages the last 10 and 60 whole seconds', () => {
    const counts = [...Array(290).fill(0), ...Array(10).fill(50)];
    expect(ratePairOf(counts)).toEqual({ last10s: 50, last60s: 500 / 60 });
  });

  it('cuts the seconds into 10-second means, oldest first, each stamped with the end of its bucket', () => {
    const accepted = [...Array(10).fill(1), ...Array(10).fill(3)];
    const stored = [...Array(10).fill(0), ...Array(10).fill(2)];
    const trend = trendOf(accepted, stored, new Date('2026-12-01T08:00:00.400Z'));
    expect(trend).toEqual([
      { at: '2026-12-01T07:59:50.000Z', acceptedPerSecond: 1, storedPerSecond: 0 },
      { at: '2026-12-01T08:00:00.000Z', acceptedPerSecond: 3, storedPerSecond: 2 },
    ]);
  });
});
