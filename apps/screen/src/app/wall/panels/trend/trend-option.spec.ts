import { describe, expect, it } from '@jest/globals';
import type { LineSeriesOption } from 'echarts/charts';
import { snapshotFixture } from '@grid-command/contracts/testing';
import { isTenMinuteMark, splitCurrentMinute, trendOption } from './trend-option';

const snapshot = snapshotFixture({ asOf: '2026-11-23T02:30:15.000Z', perMinute: [4, 0, 7] });

function lineSeries(option: ReturnType<typeof trendOption>): LineSeriesOption {
  const series = option.series;
  if (!Array.isArray(series) || series[0]?.type !== 'line') throw new Error('expected one line series');
  return series[0];
}

describe('trendOption', () => {
  it('plots the 60 minutes in order, newest last, the minute still being counted apart', () => {
    const option = trendOption(snapshot.trend, 'Asia/Shanghai', 'zh', true);
    const data = lineSeries(option).data;
    expect(data).toHaveLength(60);
    expect(data?.slice(-3)).toEqual([4, 0, null]);
    const series = Array.isArray(option.series) ? option.series : [];
    const current = series[1] as LineSeriesOption | undefined;
    expect(current?.data?.slice(-3)).toEqual([null, 0, 7]);
    expect(current?.lineStyle?.type).toBe('dashed');
  });

  it('joins the current minute to the last complete one', () => {
    expect(splitCurrentMinute([1, 2, 3])).toEqual({ completed: [1, 2, null], current: [null, 2, 3] });
    expect(splitCurrentMinute([5])).toEqual({ completed: [null], current: [5] });
  });

  it('labels minutes on the wall clock of the snapshot zone', () => {
    const option = trendOption(snapshot.trend, 'Asia/Shanghai', 'zh', true);
    const xAxis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    const labels = xAxis && 'data' in xAxis ? xAxis.data : [];
    expect(labels?.at(-1)).toBe('10:30');
    expect(labels?.[0]).toBe('09:31');
  });

  it('fills the area only when the panel asks for it', () => {
    expect(lineSeries(trendOption(snapshot.trend, 'UTC', 'en', true)).areaStyle?.opacity).toBeUndefined();
    expect(lineSeries(trendOption(snapshot.trend, 'UTC', 'en', false)).areaStyle?.opacity).toBe(0);
  });
});

describe('isTenMinuteMark', () => {
  it('keeps 10:30 and drops 10:31', () => {
    expect(isTenMinuteMark('10:30')).toBe(true);
    expect(isTenMinuteMark('10:31')).toBe(false);
  });
});
