import type { ScopeLevel, Snapshot } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { translate } from '../../../shared/i18n/messages';
import type { MapSeriesOption } from 'echarts/charts';
import type { WallChartOption } from '../../charts/wall-chart-option';
import { CHART_FONT_SIZE, HEAT_COLORS, WALL_COLORS, WALL_FONT } from '../../charts/wall-theme';
import { aspectScaleAt, type GeoBounds } from './geo-bounds';
import { heatByGrid, heatScaleMax } from './heat-scale';

/**
 * The registered maps a map panel draws: grids coloured by heat, with the scope's children (streets, communities)
 * outlined and named on top; on a community its grids are the children, so they carry the names themselves.
 */
export interface MapLayers {
  /** The level of the scope on screen. */
  readonly level: ScopeLevel;
  readonly gridMap: string;
  readonly outlineMap: string | null;
  readonly gridCodes: readonly string[];
  readonly gridNames: ReadonlyMap<string, string>;
  readonly bounds: GeoBounds;
}

// Grids and outlines are two coordinate systems; the same box, bounds and squeeze make them coincide exactly.
const MAP_BOX = { left: 24, right: 24, top: 24, bottom: 24 } as const;
const LABEL_OUTLINE = { textBorderColor: 'rgba(2, 11, 31, 0.9)', textBorderWidth: 3 } as const;

/** Whether the grids are what the map names and opens: a community's grids, or the grid on its own wall. */
function gridsAreUnits(level: ScopeLevel): boolean {
  return level === 'community' || level === 'grid';
}

/** The grids' own labels: their names where they are the units one level down (a community), the grid and its count on a grid's wall. */
function gridLabel(layers: MapLayers, data: ReadonlyArray<{ name: string; value: number }>, lang: Lang): MapSeriesOption['label'] {
  if (!gridsAreUnits(layers.level)) return { show: false };
  const counts = new Map(data.map((item) => [item.name, item.value]));
  return {
    show: true,
    color: WALL_COLORS.text,
    fontSize: layers.level === 'grid' ? CHART_FONT_SIZE + 6 : CHART_FONT_SIZE,
    fontWeight: 'bold',
    lineHeight: layers.level === 'grid' ? CHART_FONT_SIZE + 14 : undefined,
    ...LABEL_OUTLINE,
    formatter: (params) => {
      const name = layers.gridNames.get(params.name) ?? params.name;
      return layers.level === 'grid' ? `${name}\n${translate(lang, 'map.gridCount', { count: counts.get(params.name) ?? 0 })}` : name;
    },
  };
}

export function mapOption(layers: MapLayers, heat: Snapshot['heat'], lang: Lang): WallChartOption {
  const data = heatByGrid(layers.gridCodes, heat);
  const label = gridLabel(layers, data, lang);
  const placement = { ...MAP_BOX, boundingCoords: layers.bounds, aspectScale: aspectScaleAt(layers.bounds) };
  return {
    textStyle: { fontFamily: WALL_FONT },
    animationDurationUpdate: 800,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const code = item?.name ?? '';
        const count = typeof item?.value === 'number' ? item.value : 0;
        return translate(lang, 'map.tooltip', { name: layers.gridNames.get(code) ?? code, count });
      },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max: heatScaleMax(data.map((item) => item.value)),
      right: 24,
      bottom: 24,
      itemHeight: 160,
      itemWidth: 14,
      calculable: false,
      text: [translate(lang, 'map.high'), translate(lang, 'map.low')],
      textStyle: { color: WALL_COLORS.muted, fontSize: CHART_FONT_SIZE },
      inRange: { color: [...HEAT_COLORS] },
    },
    geo: layers.outlineMap
      ? {
          map: layers.outlineMap,
          ...placement,
          z: 4,
          silent: true,
          roam: false,
          itemStyle: { areaColor: 'transparent', borderColor: 'rgba(125, 211, 252, 0.9)', borderWidth: 2 },
          label: { show: true, color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE, fontWeight: 'bold', ...LABEL_OUTLINE },
        }
      : undefined,
    series: [
      {
        type: 'map',
        map: layers.gridMap,
        nameProperty: 'code',
        ...placement,
        z: 2,
        roam: false,
        selectedMode: false,
        // A grid's wall is the bottom: its one grid opens nothing, so it does not look clickable.
        cursor: layers.level === 'grid' ? 'default' : 'pointer',
        label,
        // Where the grids are named, a name that would overlap a neighbour's is left off rather than smeared over it.
        labelLayout: { hideOverlap: true },
        itemStyle: gridsAreUnits(layers.level) ? { borderColor: 'rgba(125, 211, 252, 0.8)', borderWidth: 1.5 } : { borderColor: 'rgba(96, 165, 250, 0.35)', borderWidth: 0.6 },
        emphasis: { label, itemStyle: { areaColor: '#7dd3fc' } },
        data,
      },
    ],
  };
}
