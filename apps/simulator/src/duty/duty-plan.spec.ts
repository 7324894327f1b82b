import { DEPARTMENTS_BY_CATEGORY, type Alert } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../feed/prng';
import { DEFAULT_DUTY_SETTINGS, departmentFor, planDuty, stepIsDue, type DutyPlan } from './duty-plan';

const OPENED = Date.UTC(2026, 10, 25, 2, 0);
const SECOND = 1_000;
const MINUTE = 60_000;
const alertOf = (kind: Alert['kind'], openedAtMs = OPENED): Pick<Alert, 'kind' | 'openedAt'> => ({ kind, openedAt: new Date(openedAtMs).toISOString() });

function plans(kind: Alert['kind'], count: number, seed = 1): DutyPlan[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => planDuty(alertOf(kind), OPENED + 10 * SECOND, random));
}

const share = (all: readonly DutyPlan[], kind: DutyPlan['kind']): number => all.filter((plan) => plan.kind === kind).length / all.length;

describe('planDuty', () => {
  it('works most critical and spike alerts through and leaves the rest to re-notify and escalate', () => {
    for (const kind of ['critical', 'spike'] as const) {
      const all = plans(kind, 4_000);
      expect(share(all, 'work')).toBeCloseTo(DEFAULT_DUTY_SETTINGS.workShare, 1);
      expect(share(all, 'leave')).toBeCloseTo(1 - DEFAULT_DUTY_SETTINGS.workShare, 1);
      expect(all.filter((plan) => plan.kind === 'leave').every((plan) => plan.steps.length === 0)).toBe(true);
    }
  });

  it('only acknowledges SLA and anomaly alerts, never dispatching tickets their departments are working', () => {
    for (const kind of ['sla', 'anomaly'] as const) {
      const all = plans(kind, 4_000);
      expect(share(all, 'acknowledge_only')).toBeCloseTo(DEFAULT_DUTY_SETTINGS.acknowledgeShare, 1);
      expect(all.flatMap((plan) => plan.steps.map((step) => step.action)).every((action) => action === 'acknowledge')).toBe(true);
    }
  });

  it('acknowledges 30–90 s after the alert, dispatches after that, and has the department report in before it closes', () => {
    const worked = plans('critical', 2_000).filter((plan) => plan.kind === 'work');
    for (const { steps } of worked) {
      const [acknowledge, dispatch, ...rest] = steps;
      expect(acknowledge?.action).toBe('acknowledge');
      expect(acknowledge?.atMs).toBeGreaterThanOrEqual(OPENED + 30 * SECOND);
      expect(acknowledge?.atMs).toBeLessThanOrEqual(OPENED + 90 * SECOND);
      expect(dispatch?.action).toBe('dispatch');
      expect((dispatch?.atMs ?? 0) - (acknowledge?.atMs ?? 0)).toBeGreaterThanOrEqual(20 * SECOND);
      expect(rest.at(-1)?.action).toBe('close');
      steps.forEach((step, index) => expect(step.atMs).toBeGreaterThan(steps[index - 1]?.atMs ?? 0));
    }
    const reportedIn = worked.filter(({ steps }) => steps.some((step) => step.action === 'report_in'));
    // Within the critical 报到 bound of 30 minutes when it happens; some departments never report in.
    for (const { steps } of reportedIn) {
      const dispatch = steps.find((step) => step.action === 'dispatch')?.atMs ?? 0;
      const reportIn = steps.find((step) => step.action === 'report_in')?.atMs ?? 0;
      expect(reportIn - dispatch).toBeGreaterThanOrEqual(3 * MINUTE);
      expect(reportIn - dispatch).toBeLessThanOrEqual(20 * MINUTE);
    }
    expect(1 - reportedIn.length / worked.length).toBeCloseTo(DEFAULT_DUTY_SETTINGS.noReportInShare, 1);
  });

  it('plans an alert found long open (at start-up) from when it was seen, and a fresh one from when it opened', () => {
    const seenAt = OPENED + 30 * MINUTE;
    const late = planDuty(alertOf('critical'), seenAt, () => 0.01);
    expect(late.steps[0]?.atMs).toBe(seenAt + 30 * SECOND + 0.01 * 60 * SECOND);
    const fresh = planDuty(alertOf('critical', seenAt - 5 * SECOND), seenAt, () => 0.01);
    expect(fresh.steps[0]?.atMs).toBe(seenAt - 5 * SECOND + 30 * SECOND + 0.01 * 60 * SECOND);
  });

  it('replays for a seed', () => {
    expect(plans('spike', 50, 7)).toEqual(plans('spike', 50, 7));
    expect(plans('spike', 50, 7)).not.toEqual(plans('spike', 50, 8));
  });
});

describe('stepIsDue', () => {
  it('skips what a colleague or the platform has done already', () => {
    const open = { state: 'open', reportedInAt: null } as const;
    const acknowledged = { state: 'acknowledged', reportedInAt: null } as const;
    const dispatched = { state: 'dispatched', reportedInAt: null } as const;
    const reportedIn = { state: 'dispatched', reportedInAt: new Date(OPENED).toISOString() } as const;
    const closed = { state: 'closed', reportedInAt: null } as const;
    expect([open, acknowledged, dispatched, closed].map((alert) => stepIsDue('acknowledge', alert))).toEqual([true, false, false, false]);
    expect([open, acknowledged, dispatched, closed].map((alert) => stepIsDue('dispatch', alert))).toEqual([true, true, false, false]);
    expect([acknowledged, dispatched, reportedIn, closed].map((alert) => stepIsDue('report_in', alert))).toEqual([false, true, false, false]);
    expect([open, reportedIn, closed].map((alert) => stepIsDue('close', alert))).toEqual([true, true, false]);
  });
});

describe('departmentFor', () => {
  it('names a department that handles the category', () => {
    const random = createRandom(3);
    for (const category of ['gas_utilities', 'noise', 'fire_safety'] as const) {
      for (let draw = 0; draw < 50; draw += 1) expect(Object.keys(DEPARTMENTS_BY_CATEGORY[category])).toContain(departmentFor(category, random));
    }
  });
});
