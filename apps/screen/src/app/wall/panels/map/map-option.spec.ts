import { describe, expect, it } from '@jest/globals';
import type { MapSeriesOption } from 'echarts/charts';
import { mapOption, type MapLayers } from './map-option';

const layers: MapLayers = {
  level: 'district',
  gridMap: 'grids',
  outlineMap: 'streets',
  gridCodes: ['450103001001001', '450103001001002', '450103002001001'],
  gridNames: new Map([['450103001001002', '桃源第2网格']]),
  bounds: [[108.2, 22.9], [108.5, 22.7]],
};

const community: MapLayers = {
  level: 'community',
  gridMap: 'grids',
  outlineMap: null,
  gridCodes: ['450103001002001', '450103001002002'],
  gridNames: new Map([
    ['450103001002001', '滨湖第1网格'],
    ['450103001002002', '滨湖第2网格'],
  ]),
  bounds: [[108.3, 22.8], [108.31, 22.79]],
};
const grid: MapLayers = { ...community, level: 'grid', gridCodes: ['450103001002002'] };

type LabelFormatter = (params: { name: string }) => string;

function labelText(series: MapSeriesOption, code: string): string {
  const formatter = series.label?.formatter;
  if (typeof formatter !== 'function') throw new Error('expected a label formatter');
  return (formatter as unknown as LabelFormatter)({ name: code });
}

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

  it('leaves the grids unnamed where streets or communities are outlined and named over them', () => {
    const option = mapOption(layers, [], 'zh');
    const geo = Array.isArray(option.geo) ? option.geo[0] : option.geo;
    expect(geo?.label?.show).toBe(true);
    expect(mapSeries(option).label?.show).toBe(false);
  });

  it("names a community's grids, its units one level down, and keeps overlapping names apart", () => {
    const option = mapOption(community, [{ gridCode: '450103001002002', count: 4 }], 'zh');
    const series = mapSeries(option);
    expect(option.geo).toBeUndefined();
    expect(series.label?.show).toBe(true);
    expect(labelText(series, '450103001002001')).toBe('滨湖第1网格');
    expect(series.labelLayout).toMatchObject({ hideOverlap: true });
    expect(series.cursor).toBe('pointer');
    expect(series.data).toEqual([
      { name: '450103001002001', value: 0 },
      { name: '450103001002002', value: 4 },
    ]);
  });

  it("shows the grid itself on a grid's wall, named with its count, and not as something to click", () => {
    const series = mapSeries(mapOption(grid, [{ gridCode: '450103001002002', count: 3 }], 'zh'));
    expect(series.data).toEqual([{ name: '450103001002002', value: 3 }]);
    expect(labelText(series, '450103001002002')).toBe('滨湖第2网格\n近1小时 3 件');
    expect(labelText(mapSeries(mapOption(grid, [], 'en')), '450103001002002')).toBe('滨湖第2网格\n0 in the last hour');
    expect(series.cursor).toBe('default');
  });

  it('keeps the colour scale from painting a lone grid with one report as the hottest', () => {
    const option = mapOption(grid, [{ gridCode: '450103001002002', count: 1 }], 'zh');
    const visualMap = Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap;
    expect(visualMap?.max).toBeGreaterThan(1);
  });
});
