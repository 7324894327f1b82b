import { describe, expect, it } from '@jest/globals';
import { panelRect, titleSpan, type StageSpacing } from './panel-geometry';

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
