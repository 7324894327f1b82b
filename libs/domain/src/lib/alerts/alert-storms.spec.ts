import type { Alert } from '@grid-command/contracts';
import { describe, expect, it } from 'vitest';
import { groupStorms, joinsStorm, orderAlerts } from './alert-storms';

let sequence = 0;
function alert(extra: Partial<Alert>): Alert {
  sequence += 1;
  return {
    id: `10000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    ruleId: 'resolution-overdue',
    kind: 'sla',
    severity: 'minor',
    title: { zh: '超期', en: 'Overdue' },
    scope: 'grid:450103001002015',
    scopeName: '网格',
    category: 'noise',
    ticketId: null,
    reportIds: [],
    reportCount: 1,
    measure: null,
    slaDueAt: null,
    state: 'open',
    loud: false,
    escalations: 0,
    escalatedTo: null,
    department: null,
    deadline: null,
    groupKey: 'resolution-overdue|street:450103001',
    dedupKey: `k${sequence}`,
    openedAt: `2026-11-25T02:${String(sequence % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: '2026-11-25T03:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    dispatchedAt: null,
    reportedInAt: null,
    closedAt: null,
    version: 1,
    actions: [],
    ...extra,
  };
}

describe('orderAlerts', () => {
  it('puts critical before major before minor, loud first, then the longest waiting', () => {
    const minor = alert({ severity: 'minor', openedAt: '2026-11-25T01:00:00.000Z' });
    const major = alert({ severity: 'major', openedAt: '2026-11-25T02:00:00.000Z' });
    const criticalLate = alert({ severity: 'critical', openedAt: '2026-11-25T02:30:00.000Z' });
    const criticalEarly = alert({ severity: 'critical', openedAt: '2026-11-25T02:10:00.000Z' });
    const criticalLoud = alert({ severity: 'critical', openedAt: '2026-11-25T02:40:00.000Z', loud: true });
    expect(orderAlerts([minor, major, criticalLate, criticalEarly, criticalLoud]).map((a) => a.id)).toEqual(
      [criticalLoud, criticalEarly, criticalLate, major, minor].map((a) => a.id),
    );
  });
});

describe('groupStorms', () => {
  it('folds a group reaching the threshold into one storm line, and leaves a smaller one alone', () => {
    const storm = Array.from({ length: 3 }, () => alert({}));
    const lone = alert({ groupKey: 'resolution-overdue|street:450103002' });
    const lines = groupStorms([...storm, lone], 3);
    expect(lines).toHaveLength(2);
    const [first] = lines;
    expect(first?.kind).toBe('storm');
    if (first?.kind === 'storm') {
      expect(first.alerts).toHaveLength(3);
      expect(first.oldestOpenedAt).toBe(orderAlerts(storm)[0]?.openedAt);
    }
    expect(groupStorms([...storm, lone], 4).every((line) => line.kind === 'alert')).toBe(true);
  });

  it('keeps alerts someone is on out of the storm', () => {
    const open = Array.from({ length: 3 }, () => alert({}));
    const acknowledged = alert({ state: 'acknowledged', acknowledgedBy: '甲' });
    const lines = groupStorms([...open, acknowledged], 3);
    expect(lines.map((line) => line.kind).sort()).toEqual(['alert', 'storm']);
    expect(groupStorms([...open.slice(1), acknowledged], 3).every((line) => line.kind === 'alert')).toBe(true);
  });

  it('tells whether a new alert joins a storm already shown (no second sound)', () => {
    const shown = Array.from({ length: 3 }, () => alert({}));
    const next = alert({});
    expect(joinsStorm(next, shown, 3)).toBe(true);
    expect(joinsStorm(next, shown.slice(1), 3)).toBe(false);
  });
});
