import { z } from 'zod';
import { REPORT_CATEGORIES } from './categories';
import { scopeIdSchema } from './scope.schema';
import { TICKET_STATES } from './ticket.schema';
import { boundedDateSchema, boundedInstantSchema } from './time-bounds';

export const KPI_PERIODS = ['today', 'week', 'month', 'custom'] as const;
export type KpiPeriodKind = (typeof KPI_PERIODS)[number];

const instant = z.iso.datetime({ offset: true });

/** Longest custom period: a year (a leap year's 366 days), compared with the year before it for 同比. */
export const MAX_CUSTOM_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * `GET /api/v1/kpis?scope=…&period=today|week|month|custom&from=YYYY-MM-DD&to=YYYY-MM-DD` (custom: both days
 * inclusive, between 2000-01-01 and 2100-12-31, at most MAX_CUSTOM_PERIOD_DAYS days).
 */
export const kpiQuerySchema = z
  .strictObject({
    scope: scopeIdSchema,
    period: z.enum(KPI_PERIODS).default('today'),
    from: boundedDateSchema.optional(),
    to: boundedDateSchema.optional(),
    /** A replay: the figures as they stood at this instant (see replay.ts). */
    at: boundedInstantSchema.optional(),
  })
  .superRefine((query, context) => {
    if (query.period !== 'custom') {
      for (const field of ['from', 'to'] as const) {
        if (query[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: 'only a custom period takes from and to' });
      }
      return;
    }
    for (const field of ['from', 'to'] as const) {
      if (query[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: 'a custom period needs from and to (YYYY-MM-DD)' });
    }
    if (query.from && query.to && query.from > query.to) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (query.from && query.to && (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1 > MAX_CUSTOM_PERIOD_DAYS) {
      context.addIssue({ code: 'custom', path: ['to'], message: `a custom period spans at most ${MAX_CUSTOM_PERIOD_DAYS} days` });
    }
  });
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

/** A half-open interval [from, to) of instants. */
export const timeRangeSchema = z.strictObject({ from: instant, to: instant });
export type TimeRange = z.infer<typeof timeRangeSchema>;

export const durationStatsSchema = z.strictObject({
  /** Tickets measured. */
  count: z.int().nonnegative(),
  medianMinutes: z.number().nonnegative().nullable(),
  p90Minutes: z.number().nonnegative().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

/** The workflow figures of one scope over one range; definitions are in `libs/domain` (kpi-definitions). Rates are 0..1, null with no denominator. */
export const workflowFiguresSchema = z.strictObject({
  reported: z.int().nonnegative(),
  dispatched: z.int().nonnegative(),
  resolved: z.int().nonnegative(),
  /** Reported in the range and resolved by now, over reported in the range. */
  closingRate: z.number().min(0).max(1).nullable(),
  resolvedOnTime: z.int().nonnegative(),
  onTimeRate: z.number().min(0).max(1).nullable(),
  verified: z.int().nonnegative(),
  satisfied: z.int().nonnegative(),
  satisfactionRate: z.number().min(0).max(1).nullable(),
  reopened: z.int().nonnegative(),
  reopenRate: z.number().min(0).max(1).nullable(),
  timeToDispatch: durationStatsSchema,
  timeToResolve: durationStatsSchema,
});
export type WorkflowFigures = z.infer<typeof workflowFiguresSchema>;

/** The figures 环比 and 同比 are given for (overdue is a count of right now and has no past value). */
export const COMPARED_FIGURES = [
  'reported',
  'dispatched',
  'resolved',
  'closingRate',
  'onTimeRate',
  'satisfactionRate',
  'reopenRate',
  'timeToDispatch',
  'timeToResolve',
] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

/**
 * Why a figure has no 环比 or 同比: the store's history does not reach back (`no_history`), the period has not
 * begun (`not_started`), no tickets under the rate or median on one side (`no_data`), or too few to tell a change
 * from noise (`too_few_tickets`, under `minTickets`).
 */
export const NOT_COMPARABLE_REASONS = ['no_history', 'not_started', 'no_data', 'too_few_tickets'] as const;
export type NotComparableReason = (typeof NOT_COMPARABLE_REASONS)[number];

export const figureComparisonSchema = z.discriminatedUnion('status', [
  /** `baseline`: the figure in the comparison period, in the figure's own unit (rates 0..1, medians in minutes). */
  z.strictObject({ status: z.literal('compared'), baseline: z.number() }),
  z.strictObject({ status: z.literal('not_comparable'), reason: z.enum(NOT_COMPARABLE_REASONS) }),
]);
export type FigureComparison = z.infer<typeof figureComparisonSchema>;

/**
 * How a comparison was made. `same_point_same_age`: the comparison period up to the same elapsed point, its tickets
 * as they stood at `asOf` (as long after the comparison's start as now is after the period's), so each had as long
 * to close as its counterpart now (today until 14:05 against yesterday until 14:05, as it stood at 14:05).
 */
export const kpiComparisonSchema = z.strictObject({
  basis: z.literal('same_point_same_age'),
  range: timeRangeSchema,
  asOf: instant,
  /** Fewer tickets under a rate or median on either side and it is not compared. */
  minTickets: z.int().positive(),
  /** Every compared figure, each either compared or not with a reason. */
  figures: z.record(z.enum(COMPARED_FIGURES), figureComparisonSchema),
});
export type KpiComparison = z.infer<typeof kpiComparisonSchema>;

export const rankedUnitSchema = z.strictObject({
  scope: scopeIdSchema,
  name: z.string(),
  reported: z.int().nonnegative(),
  resolved: z.int().nonnegative(),
  /** What a unit is ranked by, rounded as the wall shows rates (libs/domain rateAsShown: RATE_DECIMALS places of a percent). */
  closingRate: z.number().min(0).max(1).nullable(),
  overdueNow: z.int().nonnegative(),
  population: z.int().positive().nullable(),
  reportedPer10k: z.number().nonnegative().nullable(),
  /** 1 = best; null for a unit with too few tickets to rank. */
  rank: z.int().positive().nullable(),
});
export type RankedUnit = z.infer<typeof rankedUnitSchema>;

export const rankingSchema = z.strictObject({
  level: z.enum(['street', 'community', 'grid']),
  /**
   * Units with fewer reported tickets are listed apart (unranked, most reports first). The rest are ranked by the
   * closing rate as shown, higher first; equal rates by more reports first, then by name.
   */
  minTickets: z.int().positive(),
  ranked: z.array(rankedUnitSchema),
  unranked: z.array(rankedUnitSchema),
});
export type Ranking = z.infer<typeof rankingSchema>;

export const overdueTicketSchema = z.strictObject({
  id: z.uuid(),
  gridCode: z.string(),
  communityName: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  severity: z.int().min(1).max(4),
  state: z.enum(TICKET_STATES),
  department: z.string().nullable(),
  reportedAt: instant,
  dueAt: instant,
  overdueMinutes: z.number().nonnegative(),
});
export type OverdueTicket = z.infer<typeof overdueTicketSchema>;

export const durationBucketSchema = z.strictObject({
  fromMinutes: z.number().nonnegative(),
  /** null: open-ended. */
  toMinutes: z.number().positive().nullable(),
  tickets: z.int().nonnegative(),
});
export type DurationBucket = z.infer<typeof durationBucketSchema>;

export const kpiResponseSchema = z.strictObject({
  scope: scopeIdSchema,
  scopeName: z.string(),
  period: z.enum(KPI_PERIODS),
  generatedAt: instant,
  range: timeRangeSchema,
  /** 环比: the previous period of the same length, up to the same point. */
  previousRange: timeRangeSchema,
  /** 同比: the same range a year earlier. */
  lastYearRange: timeRangeSchema,
  current: workflowFiguresSchema,
  /**
   * The figures of previousRange / lastYearRange as they stood at the same age (see kpiComparisonSchema); null when
   * the stored history does not reach back to the start of that range (nothing to compare with).
   */
  previous: workflowFiguresSchema.nullable(),
  lastYear: workflowFiguresSchema.nullable(),
  /** 环比 and 同比 per figure, with how they were made and why a figure is not compared: what a tile shows. */
  previousComparison: kpiComparisonSchema,
  lastYearComparison: kpiComparisonSchema,
  /** Open (not resolved, not suspended) and past the resolution deadline, now; regardless of period. */
  overdueNow: z.int().nonnegative(),
  /** Oldest deadline first, at most `overdueListLimit`. */
  overdue: z.array(overdueTicketSchema),
  ranking: rankingSchema.nullable(),
  /** Time to resolve of the tickets resolved in the range. */
  resolveDistribution: z.array(durationBucketSchema),
});
export type KpiResponse = z.infer<typeof kpiResponseSchema>;
