import type { RankedUnit, Ranking } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { rankUnits } from '@grid-command/domain';
import { closingRankingView } from './closing-ranking-rows';

function unit(code: string, name: string, reported: number, closingRate: number | null, rank: number | null, reportedPer10k: number | null = null): RankedUnit {
  return {
    scope: `street:450103${code}`,
    name,
    reported,
    resolved: Math.round(reported * (closingRate ?? 0)),
    closingRate,
    overdueNow: 0,
    population: reportedPer10k === null ? null : 50_000,
    reportedPer10k,
    rank,
  };
}

const ranking: Ranking = {
  level: 'street',
  minTickets: 20,
  ranked: [unit('002', '中山街道', 80, 0.9, 2, 16), unit('001', '新竹街道', 120, 0.95, 1, 24.04), unit('003', '建政街道', 60, 0.8, 3)],
  unranked: [unit('005', '津头街道', 2, 1, null), unit('004', '南湖街道', 9, 0.5, null)],
};

describe('closingRankingView', () => {
  it('lists ranked units by rank with closing rate, reports and reports per 10k when known', () => {
    const view = closingRankingView(ranking, 10, 'zh');
    expect(view.ranked.map((row) => [row.rank, row.name, row.closingRate, row.reported, row.per10k])).toEqual([
      [1, '新竹街道', '95.0%', '120件', '每万人 24'],
      [2, '中山街道', '90.0%', '80件', '每万人 16'],
      [3, '建政街道', '80.0%', '60件', null],
    ]);
  });

  it('keeps units with too few tickets apart, unranked, largest first, under a heading with the threshold', () => {
    const view = closingRankingView(ranking, 10, 'zh');
    expect(view.unranked.map((row) => [row.rank, row.name])).toEqual([
      [null, '南湖街道'],
      [null, '津头街道'],
    ]);
    expect(view.unrankedLabel).toBe('样本不足（少于 20 件，不参与排名）');
  });

  it('fills the limit with ranked units first', () => {
    const view = closingRankingView(ranking, 4, 'en');
    expect(view.ranked).toHaveLength(3);
    expect(view.unranked.map((row) => row.name)).toEqual(['南湖街道']);
    expect(view.ranked[0]?.scope).toBe('street:450103001');
    expect(view.hiddenLabel).toBe('1 more not listed');
    expect(closingRankingView(ranking, 10, 'zh').hiddenLabel).toBeNull();
  });

  it('reads in the order it ranks: 30.3% above 29.5%, with the same decimals on every row', () => {
    const tally = (code: string, name: string, reported: number, closed: number) => ({ scope: `street:450103${code}`, name, population: null, reported, closed, resolved: closed, overdueNow: 0 });
    const ranked = rankUnits('street', [tally('001', '新竹街道', 2_000, 590), tally('002', '中山街道', 33, 10), tally('003', '建政街道', 50, 50)]);
    const view = closingRankingView(ranked, 10, 'zh');
    expect(view.ranked.map((row) => [row.rank, row.name, row.closingRate])).toEqual([
      [1, '建政街道', '100.0%'],
      [2, '中山街道', '30.3%'],
      [3, '新竹街道', '29.5%'],
    ]);
  });
});
