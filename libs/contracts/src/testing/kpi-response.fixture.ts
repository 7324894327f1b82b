import { COMPARED_FIGURES, kpiResponseSchema, type FigureComparison, type KpiComparison, type KpiResponse, type WorkflowFigures } from '../lib/kpi.schema';

/** Workflow figures that pass the contract; a test spells out only what it compares. */
export function workflowFiguresFixture(input: Partial<WorkflowFigures> = {}): WorkflowFigures {
  return {
    reported: 0,
    dispatched: 0,
    resolved: 0,
    closingRate: null,
    resolvedOnTime: 0,
    onTimeRate: null,
    verified: 0,
    satisfied: 0,
    satisfactionRate: null,
    reopened: 0,
    reopenRate: null,
    timeToDispatch: { count: 0, medianMinutes: null, p90Minutes: null },
    timeToResolve: { count: 0, medianMinutes: null, p90Minutes: null },
    ...input,
  };
}

/** A comparison made the like-for-like way with every figure as given (by default, none for want of history). */
export function kpiComparisonFixture(
  range: KpiComparison['range'],
  figures: Partial<KpiComparison['figures']> = {},
  fallback: FigureComparison = { status: 'not_comparable', reason: 'no_history' },
): KpiComparison {
  return {
    basis: 'same_point_same_age',
    range,
    asOf: range.to,
    minTickets: 10,
    figures: Object.fromEntries(COMPARED_FIGURES.map((figure) => [figure, figures[figure] ?? fallback])) as KpiComparison['figures'],
  };
}

/** A KPI answer for 青秀区 today, checked against the contract, with the given parts replaced. */
export function kpiResponseFixture(input: Partial<KpiResponse> = {}): KpiResponse {
  const previousRange = { from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T02:30:00.000Z' };
  const lastYearRange = { from: '2025-11-22T16:00:00.000Z', to: '2025-11-23T02:30:00.000Z' };
  return kpiResponseSchema.parse({
    scope: 'district:450103',
    scopeName: '青秀区',
    period: 'today',
    generatedAt: '2026-11-23T02:30:00.000Z',
    range: { from: '2026-11-22T16:00:00.000Z', to: '2026-11-23T16:00:00.000Z' },
    previousRange,
    lastYearRange,
    current: workflowFiguresFixture(),
    previous: null,
    lastYear: null,
    previousComparison: kpiComparisonFixture(previousRange),
    lastYearComparison: kpiComparisonFixture(lastYearRange),
    overdueNow: 0,
    overdue: [],
    ranking: null,
    resolveDistribution: [],
    ...input,
  });
}
