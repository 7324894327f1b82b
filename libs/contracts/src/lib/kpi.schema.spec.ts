import { describe, expect, it } from '@jest/globals';
import { kpiComparisonFixture, kpiResponseFixture } from '../testing/kpi-response.fixture';
import { COMPARED_FIGURES, kpiComparisonSchema, kpiResponseSchema, rankingSchema } from './kpi.schema';

const range = { from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T02:30:00.000Z' };

describe('kpiComparisonSchema', () => {
  it('takes a comparison saying per figure either its baseline or why there is none', () => {
    const comparison = kpiComparisonFixture(range, { closingRate: { status: 'compared', baseline: 0.5 } });
    expect(kpiComparisonSchema.parse(comparison).figures.closingRate).toEqual({ status: 'compared', baseline: 0.5 });
    expect(Object.keys(comparison.figures).sort()).toEqual([...COMPARED_FIGURES].sort());
  });

  it('needs every compared figure, and only known reasons', () => {
    const comparison = kpiComparisonFixture(range);
    const missingOne: Partial<typeof comparison.figures> = { ...comparison.figures };
    delete missingOne.closingRate;
    expect(kpiComparisonSchema.safeParse({ ...comparison, figures: missingOne }).success).toBe(false);
    const unknownReason = { ...comparison.figures, reported: { status: 'not_comparable', reason: 'cloudy' } };
    expect(kpiComparisonSchema.safeParse({ ...comparison, figures: unknownReason }).success).toBe(false);
    expect(kpiComparisonSchema.safeParse({ ...comparison, basis: 'whole_period' }).success).toBe(false);
  });

  it('is part of every KPI answer, for 环比 and 同比', () => {
    const answer = kpiResponseFixture();
    const without: Partial<typeof answer> = { ...answer };
    delete without.previousComparison;
    expect(kpiResponseSchema.safeParse(without).success).toBe(false);
    expect(kpiResponseSchema.parse(answer).lastYearComparison.basis).toBe('same_point_same_age');
  });
});

describe('rankingSchema', () => {
  it('carries no hidden adjusted rate: a unit is ranked by the rate it shows', () => {
    const unit = { scope: 'street:450103001', name: '新竹街道', reported: 30, resolved: 9, closingRate: 0.3, overdueNow: 0, population: null, reportedPer10k: null, rank: 1 };
    expect(rankingSchema.safeParse({ level: 'street', minTickets: 20, ranked: [unit], unranked: [] }).success).toBe(true);
    expect(rankingSchema.safeParse({ level: 'street', minTickets: 20, ranked: [{ ...unit, shrunkClosingRate: 0.9 }], unranked: [] }).success).toBe(false);
  });
});
