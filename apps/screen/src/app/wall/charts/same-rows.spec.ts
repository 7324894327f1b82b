import { describe, expect, it } from '@jest/globals';
import { sameRows } from './same-rows';

describe('sameRows', () => {
  it('matches equal rows in new arrays', () => {
    expect(sameRows([{ gridCode: 'a', count: 1 }], [{ gridCode: 'a', count: 1 }])).toBe(true);
  });

  it('tells a changed value, a changed order and a changed length apart', () => {
    const rows = [
      { gridCode: 'a', count: 1 },
      { gridCode: 'b', count: 2 },
    ];
    expect(sameRows(rows, [{ gridCode: 'a', count: 1 }, { gridCode: 'b', count: 3 }])).toBe(false);
    expect(sameRows(rows, [...rows].reverse())).toBe(false);
    expect(sameRows(rows, rows.slice(0, 1))).toBe(false);
  });
});
