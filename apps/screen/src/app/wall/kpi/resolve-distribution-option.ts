import type { DurationBucket } from '@grid-command/contracts';
import type { WallChartOption } from '../charts/wall-chart-option';
import { CHART_FONT_SIZE, WALL_COLORS, WALL_FONT } from '../charts/wall-theme';
import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { bucketLabel } from './kpi-format';

/** Buckets in order of duration; the open-ended one last. */
export function sortedBuckets(buckets: readonly DurationBucket[]): DurationBucket[] {
  return [...buckets].sort((a, b) => a.fromMinutes - b.fromMinutes);
}

/** From quick (cyan) to slow (red), so the long tail reads as the problem it is. */
export function bucketColor(index: number, count: number): string {
  const ramp = [WALL_COLORS.accent, '#38bdf8', WALL_COLORS.accentDeep, WALL_COLORS.gold, WALL_COLORS.orange, WALL_COLORS.red];
  if (count <= 1) return ramp[0] ?? WALL_COLORS.accent;
  return ramp[Math.round((index / (count - 1)) * (ramp.length - 1))] ?? WALL_COLORS.accent;
}

/** Tickets resolved in the period by how long they took, as vertical bars with their count on top. */
export function resolveDistributionOption(buckets: readonly DurationBucket[], lang: Lang): WallChartOption {
  const sorted = sortedBuckets(buckets);
  const total = sorted.reduce((sum, bucket) => sum + bucket.tickets, 0);
  return {
    textStyle: { fontFamily: WALL_FONT },
    animationDurationUpdate: 600,
    grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: sorted.map((bucket) => bucketLabel(bucket, lang)),
      axisLine: { lineStyle: { color: WALL_COLORS.faint } },
      axisTick: { show: false },
      axisLabel: { color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE - 2, interval: 0, hideOverlap: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { color: WALL_COLORS.muted, fontSize: CHART_FONT_SIZE - 3 },
      splitLine: { lineStyle: { color: WALL_COLORS.faint, type: 'dashed' } },
    },
    series: [
      {
        type: 'bar',
        name: translate(lang, 'chart.tickets'),
        barMaxWidth: 36,
        label: { show: total > 0, position: 'top', color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE - 1, fontWeight: 'bold' },
        data: sorted.map((bucket, index) => ({
          value: bucket.tickets,
          itemStyle: { color: bucketColor(index, sorted.length), borderRadius: [6, 6, 0, 0] },
        })),
      },
    ],
  };
}
