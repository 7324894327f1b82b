import { alertFixture } from '@grid-command/contracts/testing';
import { describe, expect, it } from '@jest/globals';
import { groupStorms, joinsStorm, orderAlerts } from './alert-storms';

const STREET_GROUP = 'critical-report|street:450103001';
/** Open alerts of one street's storm group, each opened a minute after the last. */
const openInStreet = (count: number) =>
  Array.from({ length: count }, (_, index) => alertFixture({ groupKey: STREET_GROUP, openedAt: `2026-11-25T02:0${index}:00.000Z` }));

describe('orderAlerts', () => {
  it('puts critical before major before minor, loud first, then the longest waiting', () => {
    const minor = alertFixture({ severity: 'minor', openedAt: '2026-11-25T01:00:00.000Z' });
    const major = alertFixture({ severity: 'major', openedAt: '2026-11-25T02:00:00.000Z' });
    const criticalLate = alertFixture({ severity: 'critical', openedAt: '2026-11-25T02:30:00.000Z' });
    const criticalEarly = alertFixture({ severity: 'critical', openedAt: '2026-11-25T02:10:00.000Z' });
    const criticalLoud = alertFixture({ severity: 'critical', openedAt: '2026-11-25T02:40:00.000Z', loud: true });
    expect(orderAlerts([minor, major, criticalLate, criticalEarly, criticalLoud]).map((a) => a.id)).toEqual(
      [criticalLoud, criticalEarly, criticalLate, major, minor].map((a) => a.id),
    );
  });
});

describe('groupStorms', () => {
  it('folds a group reaching the threshold into one storm line, and leaves a smaller one alone', () => {
    const storm = openInStreet(3);
    const lone = alertFixture({ groupKey: 'critical-report|street:450103002', openedAt: '2026-11-25T02:30:00.000Z' });
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
    const open = openInStreet(3);
    const acknowledged = alertFixture({ groupKey: STREET_GROUP, state: 'acknowledged', acknowledgedBy: '甲' });
    const lines = groupStorms([...open, acknowledged], 3);
    expect(lines.map((line) => line.kind).sort()).toEqual(['alert', 'storm']);
    expect(groupStorms([...open.slice(1), acknowledged], 3).every((line) => line.kind === 'alert')).toBe(true);
  });

  it('tells whether a new alert joins a storm already shown (no second sound)', () => {
    const shown = openInStreet(3);
    const next = alertFixture({ groupKey: STREET_GROUP });
    expect(joinsStorm(next, shown, 3)).toBe(true);
    expect(joinsStorm(next, shown.slice(1), 3)).toBe(false);
  });
});
