import { describe, expect, it } from '@jest/globals';
import type { FreshnessLevel } from '../shared/freshness/freshness';
import type { KpiFreshnessLevel } from './kpi/kpi-freshness';
import { combineWallFreshness, type WallFreshnessLevel } from './wall-freshness';

const EVERY_PAIR: ReadonlyArray<[FreshnessLevel, KpiFreshnessLevel, WallFreshnessLevel]> = [
  ['fresh', 'fresh', { level: 'fresh', cause: 'live' }],
  ['fresh', 'waiting', { level: 'fresh', cause: 'live' }],
  ['fresh', 'stale', { level: 'stale', cause: 'kpi' }],
  ['fresh', 'unavailable', { level: 'stale', cause: 'kpi' }],
  ['waiting', 'fresh', { level: 'waiting', cause: 'live' }],
  ['waiting', 'waiting', { level: 'waiting', cause: 'live' }],
  ['waiting', 'stale', { level: 'stale', cause: 'kpi' }],
  ['waiting', 'unavailable', { level: 'stale', cause: 'kpi' }],
  ['stale', 'fresh', { level: 'stale', cause: 'live' }],
  ['stale', 'waiting', { level: 'stale', cause: 'live' }],
  ['stale', 'stale', { level: 'stale', cause: 'live' }],
  ['stale', 'unavailable', { level: 'stale', cause: 'live' }],
  ['offline', 'fresh', { level: 'offline', cause: 'live' }],
  ['offline', 'waiting', { level: 'offline', cause: 'live' }],
  ['offline', 'stale', { level: 'offline', cause: 'live' }],
  ['offline', 'unavailable', { level: 'offline', cause: 'live' }],
];

describe('combineWallFreshness', () => {
  it.each(EVERY_PAIR)('live %s with KPIs %s reads %o', (live, kpi, expected) => {
    expect(combineWallFreshness(live, kpi)).toEqual(expected);
  });

  it('never says live while the KPI panels say their data failed or is late', () => {
    for (const [live] of EVERY_PAIR) {
      for (const kpi of ['stale', 'unavailable'] as const) expect(combineWallFreshness(live, kpi).level).not.toBe('fresh');
    }
  });
});
