import { describe, expect, it } from '@jest/globals';
import type { MapSeriesOption } from 'echarts/charts';
import { mapOption, type MapLayers } from './map-option';

const layers: MapLayers = {
  gridMap: 'grids',
  outlineMap: 'streets',
  gridCodes: ['450103001001001', '450103001001002', '450103002001001'],
  gridNames: new Map([['450103001001002', '桃源第2网格']]),
  bounds: [[108.2, 22.9], [108.5, 22.7]],
};

function mapSeries(option: ReturnType<typeof mapOption>): MapSeriesOption {
  const series = Array.isArray(option.series) ? option.series[0] : undefined;
  if (series?.type !== 'map') throw new Error('expected a map series');
  return series;
}

describe('mapOption', () => {
  it('colours every grid, the quiet ones at zero', () => {
    const series = mapSeries(mapOption(layers, [{ gridCode: '450103001001002', count: 7 }], 'zh'));
    expect(series.data).toEqual([
      { name: '450103001001001', value: 0 },
      { name: '450103001001002', value: 7 },
      { name: '450103002001001', value: 0 },
    ]);
    expect(series.nameProperty).toBe('code');
  });

  it('scales the colours to the hottest grid', () => {
    const option = mapOption(layers, [{ gridCode: '450103001001002', count: 13 }], 'zh');
    const visualMap = Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap;
    expect(visualMap?.max).toBe(20);
  });

  it('lays the outlines exactly over the grids', () => {
    const option = mapOption(layers, [], 'zh');
    const geo = Array.isArray(option.geo) ? option.geo[0] : option.geo;
    const series = mapSeries(option);
    expect(geo?.boundingCoords).toEqual(series.boundingCoords);
    expect(geo?.aspectScale).toBe(series.aspectScale);
    expect([geo?.left, geo?.top, geo?.right, geo?.bottom]).toEqual([series.left, series.top, series.right, series.bottom]);
  });

  it('names the grid in the tooltip instead of its code', () => {
    const option = mapOption(layers, [], 'zh');
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    const formatter = tooltip?.formatter;
    if (typeof formatter !== 'function') throw new Error('expected a tooltip formatter');
    expect(formatter({ name: '450103001001002', value: 3 } as Parameters<typeof formatter>[0], '', () => undefined)).toBe('桃源第2网格：近1小时 3 件');
  });
});
