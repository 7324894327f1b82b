import type { OpsTrendPoint } from '@grid-command/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../shared/config/wall-params';
import { timeOfDay } from '../shared/time/clock-format';
import { opsText } from './ops-messages';

const ACCEPTED_COLOUR = '#22d3ee';
const STORED_COLOUR = '#a78bfa';

/**
 * Accepted and stored reports per second over the last minutes: a campaign shows as accepted rising, a worker falling
 * behind as stored staying under it. The capacity is the headroom bar's; drawn here it would flatten a quiet day.
 */
export function opsTrendOption(trend: readonly OpsTrendPoint[], timeZone: string, lang: Lang): EChartsCoreOption {
  const labels = trend.map((point) => timeOfDay(Date.parse(point.at), timeZone, true));
  const line = (name: string, colour: string, values: number[]) => ({
    name,
    type: 'line',
    data: values,
    showSymbol: false,
    smooth: true,
    lineStyle: { width: 2, color: colour },
    itemStyle: { color: colour },
  });
  const series = [
    line(opsText(lang, 'ops.accepted'), ACCEPTED_COLOUR, trend.map((point) => Math.round(point.acceptedPerSecond * 10) / 10)),
    line(opsText(lang, 'ops.stored'), STORED_COLOUR, trend.map((point) => Math.round(point.storedPerSecond * 10) / 10)),
  ];
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 56, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { color: '#7dd3fc' }, axisLine: { lineStyle: { color: '#1e3a8a' } } },
    yAxis: { type: 'value', min: 0, axisLabel: { color: '#7dd3fc' }, splitLine: { lineStyle: { color: 'rgba(56, 189, 248, 0.12)' } } },
    series,
  };
}
