import { describe, expect, it } from '@jest/globals';
import { panelRect, titleSpan, WALL_SPACING, wallSpacing, type StageSpacing } from './panel-geometry';

const spacing: StageSpacing = { width: 1000, height: 500, padding: 10, gap: 10 };
const grid = { columns: 10, rows: 5 };

describe('panelRect', () => {
  it('places the top-left cell inside the padding', () => {
    // (1000 - 20 - 90) / 10 = 89 wide, (500 - 20 - 40) / 5 = 88 high
    expect(panelRect({ x: 0, y: 0, w: 1, h: 1 }, grid, spacing)).toEqual({ left: 10, top: 10, width: 89, height: 88 });
  });

  it('spans the gaps between the cells it covers', () => {
    expect(panelRect({ x: 2, y: 1, w: 3, h: 2 }, grid, spacing)).toEqual({ left: 208, top: 108, width: 287, height: 186 });
  });

  it('ends exactly at the far padding when it reaches the last cell', () => {
    const rect = panelRect({ x: 0, y: 0, w: 10, h: 5 }, grid, spacing);
    expect(rect.left + rect.width).toBe(990);
    expect(rect.top + rect.height).toBe(490);
  });

  it('leaves exactly one gap between neighbours even when cells have fractional sizes', () => {
    const odd = { columns: 24, rows: 12 };
    const wall: StageSpacing = { width: 1920, height: 1080, padding: 16, gap: 12 };
    const left = panelRect({ x: 0, y: 3, w: 7, h: 4 }, odd, wall);
    const right = panelRect({ x: 7, y: 3, w: 5, h: 4 }, odd, wall);
    const below = panelRect({ x: 0, y: 7, w: 7, h: 5 }, odd, wall);
    expect(right.left - (left.left + left.width)).toBe(12);
    expect(below.top - (left.top + left.height)).toBe(12);
  });
});

describe('titleSpan', () => {
  it('finds the gap between the clock and the freshness indicator', () => {
    const panels = [
      { x: 0, y: 0, w: 6, h: 1 },
      { x: 18, y: 0, w: 6, h: 1 },
      { x: 6, y: 1, w: 12, h: 2 },
    ];
    expect(titleSpan(panels, { columns: 24, rows: 12 })).toEqual({ x: 6, y: 0, w: 12, h: 1 });
  });

  it('picks the widest free run', () => {
    const panels = [
      { x: 2, y: 0, w: 1, h: 1 },
      { x: 8, y: 0, w: 1, h: 1 },
    ];
    expect(titleSpan(panels, { columns: 10, rows: 2 })).toEqual({ x: 3, y: 0, w: 5, h: 1 });
  });

  it('is null when panels cover the whole top row', () => {
    expect(titleSpan([{ x: 0, y: 0, w: 10, h: 2 }], { columns: 10, rows: 2 })).toBeNull();
  });
});

describe('wallSpacing', () => {
  it('lays the grid over the whole canvas of a 48:9 wall, with the same padding and gaps', () => {
    const spacing = wallSpacing({ width: 5760, height: 1080 });
    expect(spacing).toMatchObject({ width: 5760, height: 1080, padding: WALL_SPACING.padding, gap: WALL_SPACING.gap });
    const last = panelRect({ x: 71, y: 11, w: 1, h: 1 }, { columns: 72, rows: 12 }, spacing);
    expect(last.left + last.width).toBe(5760 - WALL_SPACING.padding);
    expect(last.top + last.height).toBe(1080 - WALL_SPACING.padding);
  });

  it('starts the second screen of a 32:9 wall within a gap of its seam when the grid splits there', () => {
    const second = panelRect({ x: 24, y: 0, w: 1, h: 1 }, { columns: 48, rows: 12 }, wallSpacing({ width: 3840, height: 1080 }));
    expect(Math.abs(second.left - 1920)).toBeLessThanOrEqual(WALL_SPACING.gap);
  });
});
