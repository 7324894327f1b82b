import { describe, expect, it } from '@jest/globals';
import { isKpiRoom, kpiRequestOfRoom, kpiRoomOf } from './kpi-live';
import { alertRoomOf, isSnapshotRoom } from './live-events';

describe('KPI rooms', () => {
  it('name one room per scope and period, and read back the request they stand for', () => {
    const today = { scope: 'district:450103', period: 'today' } as const;
    const custom = { scope: 'street:450103001', period: 'custom', from: '2026-11-01', to: '2026-11-30' } as const;
    expect(kpiRoomOf(today)).not.toBe(kpiRoomOf({ ...today, period: 'week' }));
    expect(kpiRoomOf(custom)).not.toBe(kpiRoomOf({ ...custom, to: '2026-11-29' }));
    expect(kpiRequestOfRoom(kpiRoomOf(today))).toEqual(today);
    expect(kpiRequestOfRoom(kpiRoomOf(custom))).toEqual(custom);
  });

  it('are neither snapshot nor alert rooms, and other rooms are not KPI rooms', () => {
    const room = kpiRoomOf({ scope: 'district:450103', period: 'today' });
    expect(isKpiRoom(room)).toBe(true);
    expect(isSnapshotRoom(room)).toBe(false);
    expect(isSnapshotRoom('district:450103')).toBe(true);
    expect(isKpiRoom('district:450103')).toBe(false);
    expect(isKpiRoom(alertRoomOf('district:450103'))).toBe(false);
    expect(kpiRequestOfRoom('district:450103')).toBeNull();
    expect(kpiRequestOfRoom('kpis@district:450103@fortnight')).toBeNull();
  });
});
