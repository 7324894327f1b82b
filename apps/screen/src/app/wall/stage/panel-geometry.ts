import type { CanvasSize } from '@grid-command/contracts';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from './stage-fit';

export interface GridSize {
  readonly columns: number;
  readonly rows: number;
}

export interface CellSpan {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface StageSpacing {
  readonly width: number;
  readonly height: number;
  /** Margin around the whole grid. */
  readonly padding: number;
  /** Space between neighbouring cells. */
  readonly gap: number;
}

export const WALL_SPACING: StageSpacing = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT, padding: 16, gap: 12 };

/** The wall's spacing on a canvas: the same padding and gaps on every arrangement, the grid over the whole canvas. */
export function wallSpacing(canvas: CanvasSize): StageSpacing {
  return { ...WALL_SPACING, width: canvas.width, height: canvas.height };
}

/** Edge of the `index`-th grid line along one axis; rounded so panel borders land on whole pixels. */
function edge(index: number, cellSize: number, spacing: StageSpacing): number {
  return Math.round(spacing.padding + index * (cellSize + spacing.gap));
}

/** Where a panel spanning `span` cells sits on the stage, in design pixels. */
export function panelRect(span: CellSpan, grid: GridSize, spacing: StageSpacing = WALL_SPACING): Rect {
  const cellWidth = (spacing.width - 2 * spacing.padding - (grid.columns - 1) * spacing.gap) / grid.columns;
  const cellHeight = (spacing.height - 2 * spacing.padding - (grid.rows - 1) * spacing.gap) / grid.rows;
  const left = edge(span.x, cellWidth, spacing);
  const top = edge(span.y, cellHeight, spacing);
  return {
    left,
    top,
    width: edge(span.x + span.w, cellWidth, spacing) - spacing.gap - left,
    height: edge(span.y + span.h, cellHeight, spacing) - spacing.gap - top,
  };
}

/**
 * The widest run of columns that no panel covers in the top row: the wall title goes there, so a layout
 * author makes room for it by leaving the middle of the header strip empty. Null when the top row is full.
 */
export function titleSpan(panels: readonly CellSpan[], grid: GridSize): CellSpan | null {
  const covered = new Array<boolean>(grid.columns).fill(false);
  for (const panel of panels) {
    if (panel.y > 0) continue;
    for (let column = panel.x; column < Math.min(grid.columns, panel.x + panel.w); column += 1) covered[column] = true;
  }
  let best: CellSpan | null = null;
  let start = -1;
  for (let column = 0; column <= grid.columns; column += 1) {
    const free = column < grid.columns && covered[column] === false;
    if (free && start < 0) start = column;
    if (!free && start >= 0) {
      if (best === null || column - start > best.w) best = { x: start, y: 0, w: column - start, h: 1 };
      start = -1;
    }
  }
  return best;
}
