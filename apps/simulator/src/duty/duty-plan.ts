import { DEPARTMENTS_BY_CATEGORY, type Alert, type AlertAction, type ReportCategory } from '@grid-command/contracts';
import { randomBetween, type Random } from '../feed/prng';
import { tableOf } from '../feed/weighted-choice';

/** One action on one alert, and when the officer gets to it. */
export interface DutyStep {
  readonly action: AlertAction;
  readonly atMs: number;
}

/**
 * What the desk does with an alert: work it through, only acknowledge it, or leave it to the wall. Who acts is not
 * planned: the server records the signed-in duty officer the desk runs as.
 */
export type DutyPlan = { readonly kind: 'work' | 'acknowledge_only' | 'leave'; readonly steps: readonly DutyStep[] };

type Range = readonly [number, number];

export interface DutySettings {
  /** Share of critical and spike alerts worked through; the rest are left alone, so the wall re-notifies and escalates. */
  readonly workShare: number;
  /** Of the alerts worked, the share whose department never reports in (报到): the alert escalates again before it is closed. */
  readonly noReportInShare: number;
  /** Share of SLA and anomaly alerts acknowledged (never dispatched: a ticket's own handler moves it on). */
  readonly acknowledgeShare: number;
  /** Seconds from the alert to the acknowledgement, and on to the dispatch. */
  readonly acknowledgeSeconds: Range;
  readonly dispatchSeconds: Range;
  /** Minutes from the dispatch to the department's 报到, and from it to the close. */
  readonly reportInMinutes: Range;
  readonly closeMinutes: Range;
  /** Minutes from the dispatch to the close when the department never reported in. */
  readonly closeUnreportedMinutes: Range;
  /** An alert first seen more than this after it opened (on start-up) is planned from when it was seen. */
  readonly freshWithinMs: number;
}

/**
 * A duty officer within the default response bounds (acknowledge a critical alert in 2 minutes, 报到 within 30):
 * most acknowledgements land in time, some departments report in late or never.
 */
export const DEFAULT_DUTY_SETTINGS: DutySettings = {
  workShare: 0.7,
  noReportInShare: 0.15,
  acknowledgeShare: 0.5,
  acknowledgeSeconds: [30, 90],
  dispatchSeconds: [20, 90],
  reportInMinutes: [3, 20],
  closeMinutes: [5, 20],
  closeUnreportedMinutes: [40, 60],
  freshWithinMs: 60_000,
};

const SECOND = 1_000;
const MINUTE = 60_000;
const between = (random: Random, [min, max]: Range, unitMs: number): number => randomBetween(random, min, max) * unitMs;

/**
 * What the desk will do with an alert it has just seen open, and when: pure, so a seed replays it. Critical and
 * spike alerts are incidents to work through (确认 → 派遣 → 报到 → 关闭); SLA and anomaly alerts are backlog signals,
 * at most acknowledged, since dispatching them would 吹哨 on tickets their departments are already working.
 */
export function planDuty(alert: Pick<Alert, 'kind' | 'openedAt'>, seenAtMs: number, random: Random, settings: DutySettings = DEFAULT_DUTY_SETTINGS): DutyPlan {
  const openedAtMs = Date.parse(alert.openedAt);
  const startMs = seenAtMs - openedAtMs > settings.freshWithinMs ? seenAtMs : openedAtMs;
  const incident = alert.kind === 'critical' || alert.kind === 'spike';
  const draw = random();
  const acknowledgeAt = startMs + between(random, settings.acknowledgeSeconds, SECOND);
  if (!incident) {
    return draw < settings.acknowledgeShare ? { kind: 'acknowledge_only', steps: [{ action: 'acknowledge', atMs: acknowledgeAt }] } : { kind: 'leave', steps: [] };
  }
  if (draw >= settings.workShare) return { kind: 'leave', steps: [] };
  const dispatchAt = acknowledgeAt + between(random, settings.dispatchSeconds, SECOND);
  const steps: DutyStep[] = [
    { action: 'acknowledge', atMs: acknowledgeAt },
    { action: 'dispatch', atMs: dispatchAt },
  ];
  if (random() < settings.noReportInShare) {
    steps.push({ action: 'close', atMs: dispatchAt + between(random, settings.closeUnreportedMinutes, MINUTE) });
  } else {
    const reportInAt = dispatchAt + between(random, settings.reportInMinutes, MINUTE);
    steps.push({ action: 'report_in', atMs: reportInAt }, { action: 'close', atMs: reportInAt + between(random, settings.closeMinutes, MINUTE) });
  }
  return { kind: 'work', steps };
}

/** Whether the step still needs doing for the alert as it now stands (a colleague, or the platform, may have done it). */
export function stepIsDue(action: AlertAction, alert: Pick<Alert, 'state' | 'reportedInAt'>): boolean {
  switch (action) {
    case 'acknowledge':
      return alert.state === 'open';
    case 'dispatch':
      return alert.state === 'open' || alert.state === 'acknowledged';
    case 'report_in':
      return alert.state === 'dispatched' && alert.reportedInAt === null;
    case 'close':
      return alert.state !== 'closed';
    case 'escalate':
      return false;
  }
}

/** A department that handles the category, by the weights the command center dispatches with. */
export function departmentFor(category: ReportCategory, random: Random): string {
  return tableOf(DEPARTMENTS_BY_CATEGORY[category]).pick(random);
}

/** How the desk closes an alert, as an officer writes it. */
export const CLOSING_NOTES: readonly string[] = ['现场已处置,隐患已排除', '责任单位已到场处置完毕', '经核实已妥善处理', '已协调相关部门完成处置'];
