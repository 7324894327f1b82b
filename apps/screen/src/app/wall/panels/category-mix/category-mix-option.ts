import { CATEGORY_LABELS, type ReportCategory, type Snapshot } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import type { WallChartOption } from '../../charts/wall-chart-option';
import { CATEGORY_COLORS, CHART_FONT_SIZE, WALL_COLORS, WALL_FONT } from '../../charts/wall-theme';

export type CategoryMixStyle = 'pie' | 'bar';

export interface CategorySlice {
  readonly category: ReportCategory;
  readonly name: string;
  readonly value: number;
  readonly color: string;
}

/** Categories with reports today, largest first, labelled in `lang`; empty categories would only clutter the chart. */
export function categorySlices(byCategory: Snapshot['byCategory'], lang: Lang): CategorySlice[] {
  return byCategory
    .filter((row) => row.count > 0)
    .map((row) => ({ category: row.category, name: CATEGORY_LABELS[row.category][lang], value: row.count, color: CATEGORY_COLORS[row.category] }));
}

export function categoryMixOption(byCategory: Snapshot['byCategory'], lang: Lang, style: CategoryMixStyle): WallChartOption {
  const slices = categorySlices(byCategory, lang);
  const base: WallChartOption = { textStyle: { fontFamily: WALL_FONT }, animationDurationUpdate: 600, tooltip: { trigger: 'item', confine: true } };
  if (style === 'pie') {
    return {
      ...base,
      series: [
        {
          type: 'pie',
          radius: ['34%', '52%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          // Slices under 12° go unlabelled (the tooltip names them): on a panel a third of the wall high, their labels would pile up.
          minShowLabelAngle: 12,
          itemStyle: { borderColor: WALL_COLORS.panel, borderWidth: 3 },
          // Labels run out to the panel edges: category names are four characters and must not be cut.
          label: {
            alignTo: 'edge',
            edgeDistance: 6,
            color: WALL_COLORS.text,
            fontSize: CHART_FONT_SIZE - 1,
            formatter: '{b} {c}',
            overflow: 'break',
            lineHeight: 18,
          },
          labelLine: { length: 8, length2: 0, lineStyle: { width: 1.5 } },
          data: slices.map((slice) => ({ name: slice.name, value: slice.value, itemStyle: { color: slice.color } })),
        },
      ],
    };
  }
  return {
    ...base,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: slices.map((slice) => slice.name),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE },
        data: slices.map((slice) => ({ value: slice.value, itemStyle: { color: slice.color, borderRadius: [0, 9, 9, 0] } })),
      },
    ],
  };
}
