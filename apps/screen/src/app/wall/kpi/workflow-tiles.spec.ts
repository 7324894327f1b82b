import { WORKFLOW_KPI_KINDS } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { kpiComparisonFixture, kpiResponseFixture, workflowFiguresFixture } from '@grid-command/contracts/testing';
import { comparisonBasisNote, placeholderTiles, workflowTiles } from './workflow-tiles';

const ZONE = 'Asia/Shanghai';
const previousRange = { from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T02:30:00.000Z' };
const compared = (baseline: number) => ({ status: 'compared', baseline }) as const;

const response = kpiResponseFixture({
  current: workflowFiguresFixture({
    reported: 1380,
    dispatched: 1350,
    resolved: 1310,
    closingRate: 0.949,
    onTimeRate: 0.9,
    satisfactionRate: 0.97,
    reopenRate: 0.02,
    timeToDispatch: { count: 1350, medianMinutes: 12, p90Minutes: 45 },
    timeToResolve: { count: 1310, medianMinutes: 210, p90Minutes: 2880 },
  }),
  previousRange,
  // What the server compared (yesterday up to the same time, as it stood then); the tile shows it, never recomputes it.
  previousComparison: kpiComparisonFixture(previousRange, {
    reported: compared(1200),
    dispatched: compared(1350),
    resolved: compared(1310),
    closingRate: compared(0.96),
    onTimeRate: compared(0.9),
    satisfactionRate: compared(0.95),
    reopenRate: compared(0.01),
    timeToDispatch: compared(15),
    timeToResolve: { status: 'not_comparable', reason: 'too_few_tickets' },
  }),
  lastYear: null,
  overdueNow: 23,
});

function tile(kind: (typeof WORKFLOW_KPI_KINDS)[number], lang: 'zh' | 'en' = 'zh') {
  const found = workflowTiles(response, [kind], lang, ZONE)[0];
  if (!found) throw new Error(kind);
  return found;
}

describe('workflowTiles', () => {
  it('keeps the order the dashboard asks for', () => {
    expect(workflowTiles(response, ['overdue', 'reported'], 'zh', ZONE).map((t) => t.label)).toEqual(['超期', '受理量']);
  });

  it('shows counts grouped, with 环比 as a percent and 同比 as no data when last year had no tickets', () => {
    expect(tile('reported')).toMatchObject({
      value: '1,380',
      unit: '件',
      // Counted at generatedAt (10:30 in Shanghai), unlike the live headline: said on the tile.
      detail: '截至 10:30:00',
      changes: [
        { label: '环比', text: '↑ 15.0%', direction: 'up', tone: 'neutral' },
        { label: '同比', text: '无同期数据', direction: 'none', tone: 'neutral' },
      ],
    });
  });

  it('shows rates as percents and their change in points, coloured by what is good', () => {
    expect(tile('closingRate')).toMatchObject({ value: '94.9%', changes: [{ text: '↓ 1.1个百分点', tone: 'bad' }, { text: '无同期数据' }] });
    expect(tile('reopenRate')).toMatchObject({ value: '2.0%', changes: [{ text: '↑ 1.0个百分点', tone: 'bad' }, {}] });
    expect(tile('satisfactionRate').changes[0]).toMatchObject({ direction: 'up', tone: 'good' });
    expect(tile('onTimeRate').changes[0]).toMatchObject({ text: '→ 持平', tone: 'neutral' });
  });

  it('shows the median of a duration with its p90, a shorter median being good news', () => {
    expect(tile('timeToDispatch')).toMatchObject({ value: '12分钟', unit: '中位数', detail: 'P90 45分钟', changes: [{ text: '↓ 20.0%', tone: 'good' }, {}] });
    expect(tile('timeToResolve', 'en')).toMatchObject({ value: '3.5 h', detail: 'p90 2 d', changes: [{ text: 'too few' }, { text: 'no data' }] });
  });

  it('raises overdue tickets now, with no comparison the contract cannot give', () => {
    expect(tile('overdue')).toMatchObject({ value: '23', alert: true, detail: '当前未办结', changes: [{ text: '无同期数据' }, { text: '无同期数据' }] });
    expect(workflowTiles(kpiResponseFixture({ overdueNow: 0 }), ['overdue'], 'zh', ZONE)[0]?.alert).toBe(false);
  });

  it('shows dashes for rates and durations without data', () => {
    const empty = workflowTiles(kpiResponseFixture(), ['closingRate', 'timeToResolve'], 'zh', ZONE);
    expect(empty.map((t) => t.value)).toEqual(['—', '—']);
  });

  it('shows no arrow where the contract says a change means nothing, and says why', () => {
    const notStarted = kpiResponseFixture({ previousComparison: kpiComparisonFixture(previousRange, {}, { status: 'not_comparable', reason: 'not_started' }) });
    expect(workflowTiles(notStarted, ['closingRate'], 'zh', ZONE)[0]?.changes[0]).toEqual({ label: '环比', text: '时段未开始', direction: 'none', tone: 'neutral' });
    const noBase = kpiResponseFixture({ previousComparison: kpiComparisonFixture(previousRange, {}, { status: 'not_comparable', reason: 'no_data' }) });
    expect(workflowTiles(noBase, ['satisfactionRate'], 'en', ZONE)[0]?.changes[0]).toMatchObject({ text: 'nothing to compare', direction: 'none' });
  });

  it('says once how the comparisons were made, by period', () => {
    expect(comparisonBasisNote(response, 'zh')).toBe('环比较昨日同时段、同比较去年同日同时段，均按同等办理时长计');
    expect(comparisonBasisNote(kpiResponseFixture({ period: 'week' }), 'zh')).toContain('较上周同期');
  });
});

describe('placeholderTiles', () => {
  it('labels every tile and shows dashes until the first answer', () => {
    const tiles = placeholderTiles(WORKFLOW_KPI_KINDS, 'en');
    expect(tiles).toHaveLength(10);
    expect(tiles.every((t) => t.value === '—')).toBe(true);
    expect(tiles[0]?.changes.map((c) => c.label)).toEqual(['vs prev.', 'vs last yr']);
  });
});
