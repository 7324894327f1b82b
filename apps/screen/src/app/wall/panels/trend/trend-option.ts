import type { Snapshot } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { translate } from '../../../shared/i18n/messages';
import type { WallChartOption } from '../../charts/wall-chart-option';
import { CHART_FONT_SIZE, WALL_COLORS, WALL_FONT } from '../../charts/wall-theme';
import { timeOfDay } from '../../../shared/time/clock-format';

/** Axis labels only on whole ten minutes, so they stay put while the window slides. */
export function isTenMinuteMark(label: string): boolean {
  return label.endsWith('0');
}

/**
 * The last entry is the minute still being counted. Drawn on the same line it would always look like a sudden
 * drop, so completed minutes get the solid line and the current one a dashed stub of its own.
 */
export function splitCurrentMinute(counts: readonly number[]): { completed: Array<number | null>; current: Array<number | null> } {
  const last = counts.length - 1;
  return {
    completed: counts.map((count, index) => (index < last ? count : null)),
    current: counts.map((count, index) => (index >= last - 1 ? count : null)),
  };
}

/** Reports per minute over the last hour, the current (partial) minute last. */
export function trendOption(trend: Snapshot['trend'], timeZone: string | null, lang: Lang, area: boolean): WallChartOption {
  const { completed, current } = splitCurrentMinute(trend.map((minute) => minute.count));
  return {
    textStyle: { fontFamily: WALL_FONT },
    animationDurationUpdate: 600,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.map((minute) => timeOfDay(Date.parse(minute.minute), timeZone, false)),
      axisLine: { lineStyle: { color: WALL_COLORS.faint } },
      axisTick: { show: false },
      axisLabel: { color: WALL_COLORS.muted, fontSize: CHART_FONT_SIZE, interval: (_index: number, label: string) => isTenMinuteMark(label) },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: translate(lang, 'chart.reportsPerMinute'),
      nameTextStyle: { color: WALL_COLORS.muted, fontSize: CHART_FONT_SIZE - 2, align: 'left' },
      axisLabel: { color: WALL_COLORS.muted, fontSize: CHART_FONT_SIZE },
      splitLine: { lineStyle: { color: WALL_COLORS.faint, type: 'dashed' } },
    },
    series: [
      {
        type: 'line',
        name: translate(lang, 'chart.reports'),
        data: completed,
        smooth: 0.3,
        showSymbol: false,
        lineStyle: { width: 3, color: WALL_COLORS.accent, shadowBlur: 12, shadowColor: 'rgba(34, 211, 238, 0.6)' },
        itemStyle: { color: WALL_COLORS.accent },
        areaStyle: area
          ? {
              color: {
                type: 'linear',
                x: 0,
                y: 0,
                x2: 0,
                y2: 1,
                colorStops: [
                  { offset: 0, color: 'rgba(34, 211, 238, 0.45)' },
                  { offset: 1, color: 'rgba(34, 211, 238, 0.02)' },
                ],
              },
            }
          : { opacity: 0 },
      },
      {
        type: 'line',
        name: translate(lang, 'chart.currentMinute'),
        data: current,
        smooth: false,
        showSymbol: false,
        lineStyle: { width: 2, type: 'dashed', color: WALL_COLORS.muted },
        itemStyle: { color: WALL_COLORS.muted },
      },
    ],
  };
}
