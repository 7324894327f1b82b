import type { ComparedFigure, FigureComparison, NotComparableReason, TicketSnapshot } from '@grid-command/contracts';
import type { KpiRange, WorkflowTallies } from './workflow-kpis';

/**
 * 环比 and 同比 compare like with like. A period that runs up to now is set against the same elapsed part of the
 * comparison period (kpi-periods.ts), and that period's tickets are taken *as they stood at the same age*: at
 * `comparisonAsOf`, so a ticket reported yesterday at 09:00 has had exactly as long to be dispatched, closed,
 * verified or reopened as one reported today at 09:00. Without that, yesterday's tickets have had a whole extra
 * day to close and every closing rate shows a steep fall that is only the clock.
 *
 * What "the same age" means per figure, all from the tickets as they stood at `asOf`:
 * - 受理量, 派单量 (counts of reports and first dispatches): the same elapsed part of the period; age does not matter.
 * - 办结量, 按期办结率, 办结时长: resolutions in that part that still stood at `asOf` (not yet reopened by then).
 * - 办结率, 重办率 (shares of the tickets reported in the period): closed, or reopened, by `asOf`.
 * - 满意率: verifications in that part that still stood at `asOf`.
 */
export function comparisonAsOf(current: KpiRange, comparison: KpiRange, now: Date): Date {
  const age = now.getTime() - current.from.getTime();
  return new Date(Math.min(now.getTime(), comparison.from.getTime() + age));
}

/** Fewer tickets than this under a rate or a median on either side and its change is noise, not news. */
export const MIN_COMPARABLE_TICKETS = 10;

/**
 * A ticket as it stood at `asOf`: of its versions (the report's, then one per event, each stamped with the time
 * of its event), the highest one that had happened by then; null when it had not been reported yet. ClickHouse
 * reads the same from the table that keeps every version (WorkflowKpiRepository.asOf).
 */
export function ticketAsOf(versions: readonly TicketSnapshot[], asOf: Date): TicketSnapshot | null {
  let standing: TicketSnapshot | null = null;
  for (const version of versions) {
    if (Date.parse(version.lastEventAt) > asOf.getTime()) continue;
    if (standing === null || version.version > standing.version) standing = version;
  }
  return standing;
}

export interface ComparisonContext {
  /** The stored history does not reach back to the start of the comparison range. */
  readonly historyMissing: boolean;
  /** The current period begins after now: there is nothing of it to compare. */
  readonly notStarted: boolean;
}

interface FigureReading {
  readonly value: (tallies: WorkflowTallies) => number | null;
  /** The tickets the figure is a share or a median of; null for a count, which any number of tickets makes meaningful. */
  readonly base: ((tallies: WorkflowTallies) => number) | null;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const READINGS: Readonly<Record<ComparedFigure, FigureReading>> = {
  reported: { value: (t) => t.reported, base: null },
  dispatched: { value: (t) => t.dispatched, base: null },
  resolved: { value: (t) => t.resolved, base: null },
  closingRate: { value: (t) => share(t.closedOfReported, t.reported), base: (t) => t.reported },
  onTimeRate: { value: (t) => share(t.resolvedOnTime, t.resolved), base: (t) => t.resolved },
  satisfactionRate: { value: (t) => share(t.satisfied, t.verified), base: (t) => t.verified },
  reopenRate: { value: (t) => share(t.reopened, t.everResolved), base: (t) => t.everResolved },
  timeToDispatch: { value: (t) => t.timeToDispatch.medianMinutes, base: (t) => t.timeToDispatch.count },
  timeToResolve: { value: (t) => t.timeToResolve.medianMinutes, base: (t) => t.timeToResolve.count },
};

function compareOne(reading: FigureReading, current: WorkflowTallies, baseline: WorkflowTallies): FigureComparison {
  const notComparable = (reason: NotComparableReason): FigureComparison => ({ status: 'not_comparable', reason });
  const base = reading.base;
  if (base !== null && (base(current) === 0 || base(baseline) === 0)) return notComparable('no_data');
  if (base !== null && (base(current) < MIN_COMPARABLE_TICKETS || base(baseline) < MIN_COMPARABLE_TICKETS)) return notComparable('too_few_tickets');
  const value = reading.value(baseline);
  return value === null ? notComparable('no_data') : { status: 'compared', baseline: value };
}

/**
 * Per figure: the baseline to compare with, or why there is none: no history, a period not started, no
 * denominator on one side, or fewer than MIN_COMPARABLE_TICKETS under a rate or a median on either side.
 */
export function compareTallies(current: WorkflowTallies, baseline: WorkflowTallies | null, context: ComparisonContext): Record<ComparedFigure, FigureComparison> {
  const entries = Object.entries(READINGS) as Array<[ComparedFigure, FigureReading]>;
  const whole = (reason: NotComparableReason): FigureComparison => ({ status: 'not_comparable', reason });
  return Object.fromEntries(
    entries.map(([figure, reading]) => {
      if (context.notStarted) return [figure, whole('not_started')];
      if (context.historyMissing || baseline === null) return [figure, whole('no_history')];
      return [figure, compareOne(reading, current, baseline)];
    }),
  ) as Record<ComparedFigure, FigureComparison>;
}
