import type { Snapshot } from '@grid-command/contracts';
import type { WallChartOption } from '../../charts/wall-chart-option';
import { CHART_FONT_SIZE, WALL_COLORS, WALL_FONT } from '../../charts/wall-theme';

/** Medal colours for the top three, then the common accent. */
const PODIUM = [WALL_COLORS.red, WALL_COLORS.orange, WALL_COLORS.gold] as const;

export interface RankingRow {
  /** The child's scope: what a click on its row opens. */
  readonly scope: string;
  readonly rank: number;
  readonly name: string;
  readonly count: number;
}

/** The first `limit` children; the snapshot already ranks them with ties in a stable order. */
export function rankingRows(ranking: Snapshot['ranking'], limit: number): RankingRow[] {
  return ranking.slice(0, limit).map((row, index) => ({ scope: row.scope, rank: index + 1, name: row.name, count: row.count }));
}

/** `1 南湖街道` as ECharts rich text, the rank drawn as a podium medal or a plain number. */
export function rankLabel(label: string): string {
  const [rank = '', ...name] = label.split(' ');
  return `{${Number(rank) <= PODIUM.length ? `top${rank}` : 'rank'}|${rank}} ${name.join(' ')}`;
}

/** What a click on the chart picked: a bar (by its index) or a row's label (by its rank prefix). */
export interface RankingClick {
  readonly componentType: string;
  readonly dataIndex?: number;
  readonly value?: unknown;
}

/** The scope of the row a click landed on, or null for a click elsewhere. */
export function rankingClickTarget(ranking: Snapshot['ranking'], limit: number, click: RankingClick): string | null {
  const rows = rankingRows(ranking, limit);
  if (click.componentType === 'series' && click.dataIndex !== undefined) return rows[click.dataIndex]?.scope ?? null;
  if (click.componentType === 'yAxis' && typeof click.value === 'string') {
    const rank = Number(click.value.split(' ')[0]);
    return rows.find((row) => row.rank === rank)?.scope ?? null;
  }
  return null;
}

export function rankingOption(ranking: Snapshot['ranking'], limit: number): WallChartOption {
  const rows = rankingRows(ranking, limit);
  return {
    textStyle: { fontFamily: WALL_FONT },
    animationDurationUpdate: 600,
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      // The rank prefix also keeps two children with the same name on separate rows.
      data: rows.map((row) => `${row.rank} ${row.name}`),
      axisLine: { show: false },
      axisTick: { show: false },
      // A click on a name opens that unit, like a click on its bar.
      triggerEvent: true,
      axisLabel: {
        fontSize: CHART_FONT_SIZE + 1,
        color: WALL_COLORS.text,
        formatter: rankLabel,
        rich: {
          rank: { color: WALL_COLORS.muted, width: 22, align: 'center', fontSize: CHART_FONT_SIZE },
          ...Object.fromEntries(PODIUM.map((color, index) => [`top${index + 1}`, { color, width: 22, align: 'center', fontWeight: 'bold', fontSize: CHART_FONT_SIZE + 2 }])),
        },
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        showBackground: true,
        backgroundStyle: { color: 'rgba(59, 130, 246, 0.08)', borderRadius: 10 },
        label: { show: true, position: 'right', color: WALL_COLORS.text, fontSize: CHART_FONT_SIZE + 1, fontWeight: 'bold' },
        data: rows.map((row) => ({
          value: row.count,
          itemStyle: {
            borderRadius: [0, 10, 10, 0],
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: WALL_COLORS.accentDeep },
                { offset: 1, color: PODIUM[row.rank - 1] ?? WALL_COLORS.accent },
              ],
            },
          },
        })),
      },
    ],
  };
}
