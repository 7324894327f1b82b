import { describe, expect, it } from '@jest/globals';
import type { Snapshot } from '@grid-command/contracts';
import { kpiValues } from './kpi-values';
import { snapshotFixture } from '@grid-command/contracts/testing';

describe('kpiValues', () => {
  it('shows dashes, not zeros, before the first snapshot', () => {
    expect(kpiValues(null, ['reported', 'activeGrids'])).toEqual([
      { kind: 'reported', value: null, outOf: null },
      { kind: 'activeGrids', value: null, outOf: null },
    ]);
  });

  it('reads totals and the per-minute peak from the snapshot, in the order asked', () => {
    const snapshot: Snapshot = snapshotFixture({ reported: 1380, lastHour: 96, activeGrids: 41, grids: 800, perMinute: [0, 3, 9, 2] });
    expect(kpiValues(snapshot, ['peakPerMinute', 'reported', 'lastHour', 'activeGrids'])).toEqual([
      { kind: 'peakPerMinute', value: 9, outOf: null },
      { kind: 'reported', value: 1380, outOf: null },
      { kind: 'lastHour', value: 96, outOf: null },
      { kind: 'activeGrids', value: 41, outOf: 800 },
    ]);
  });
});
