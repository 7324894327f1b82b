import type { KpiResponse } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { kpiFingerprint } from './kpi-fingerprint';

const figures = { reported: 3, dispatched: 1, resolved: 0, closingRate: 0, resolvedOnTime: 0, onTimeRate: null, verified: 0, satisfied: 0, satisfactionRate: null, reopened: 0, reopenRate: null, timeToDispatch: { count: 1, medianMinutes: 4, p90Minutes: 4 }, timeToResolve: { count: 0, medianMinutes: null, p90Minutes: null } };
const base = {
  scope: 'district:450103',
  scopeName: '青秀区',
  period: 'today',
  generatedAt: '2026-12-01T08:00:05.000Z',
  range: { from: '2026-11-30T16:00:00.000Z', to: '2026-12-01T08:00:05.000Z' },
  previousRange: { from: '2026-11-29T16:00:00.000Z', to: '2026-11-30T08:00:05.000Z' },
  lastYearRange: { from: '2025-11-30T16:00:00.000Z', to: '2025-12-01T08:00:05.000Z' },
  current: figures,
  previous: null,
  lastYear: null,
  overdueNow: 0,
  overdue: [],
  ranking: null,
  resolveDistribution: [],
} as unknown as KpiResponse;

describe('kpiFingerprint', () => {
  it('is the same for the same figures computed later', () => {
    const later = { ...base, generatedAt: '2026-12-01T08:00:35.000Z', range: { ...base.range, to: '2026-12-01T08:00:35.000Z' } };
    expect(kpiFingerprint(later)).toBe(kpiFingerprint(base));
  });

  it('differs when a figure, the overdue list or the period’s start moved', () => {
    expect(kpiFingerprint({ ...base, current: { ...figures, dispatched: 2 } })).not.toBe(kpiFingerprint(base));
    expect(kpiFingerprint({ ...base, overdueNow: 1 })).not.toBe(kpiFingerprint(base));
    expect(kpiFingerprint({ ...base, range: { from: '2026-12-01T16:00:00.000Z', to: '2026-12-01T16:00:01.000Z' } })).not.toBe(kpiFingerprint(base));
  });
});
