import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { dashboardSchema, WORKFLOW_KPI_KINDS, type Dashboard } from '@grid-command/contracts';
import { titleSpan } from './stage/panel-geometry';

const file = join(__dirname, '../../../../../dashboards/leader-wall.json');
const parsed = dashboardSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));

function dashboard(): Dashboard {
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

/** Cells covered by more than one panel, as "x,y". */
function overlaps(panels: Dashboard['panels']): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const panel of panels) {
    for (let x = panel.x; x < panel.x + panel.w; x += 1) {
      for (let y = panel.y; y < panel.y + panel.h; y += 1) {
        const cell = `${x},${y}`;
        if (seen.has(cell)) twice.push(cell);
        seen.add(cell);
      }
    }
  }
  return twice;
}

describe('dashboards/leader-wall.json', () => {
  it('parses with the shared dashboard schema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('is the Qingxiu district wall on a 24×12 grid that turns stale after 30 s', () => {
    const wall = dashboard();
    expect(wall.scope).toBe('district:450103');
    expect(wall.title.zh).toBe('青秀区网格化治理指挥中心');
    expect(wall.grid).toEqual({ columns: 24, rows: 12 });
    expect(wall.staleAfterSeconds).toBe(30);
  });

  it('shows the live panels, the workflow KPI panels and the alert ticker once each, with no two panels on the same cell', () => {
    const wall = dashboard();
    // The closing-rate ranking takes the place of the live report-count ranking: it also lists reports, and drills down.
    expect(wall.panels.map((panel) => panel.type).sort()).toEqual([
      'alert-ticker',
      'category-mix',
      'clock',
      'closing-ranking',
      'freshness',
      'kpis',
      'map',
      'overdue-list',
      'resolve-distribution',
      'trend',
      'workflow-kpis',
    ]);
    expect(overlaps(wall.panels)).toEqual([]);
  });

  it('fills the whole 16:9 grid below the header, so nothing is left over and nothing scrolls', () => {
    const wall = dashboard();
    const covered = wall.panels.reduce((cells, panel) => cells + panel.w * panel.h, 0);
    // The middle of the header row (12 cells) is the title.
    expect(covered).toBe(wall.grid.columns * wall.grid.rows - 12);
  });

  it('runs the alert ticker as one strip under the map, so the wall and the duty console tell the same story', () => {
    const wall = dashboard();
    const ticker = wall.panels.find((panel) => panel.type === 'alert-ticker');
    const map = wall.panels.find((panel) => panel.type === 'map');
    expect(ticker && { x: ticker.x, y: ticker.y, w: ticker.w, h: ticker.h }).toEqual({ x: map?.x, y: (map?.y ?? 0) + (map?.h ?? 0), w: map?.w, h: 1 });
    expect(ticker?.y).toBe(wall.grid.rows - 1);
  });

  it('shows every workflow figure, five to a row, stale only once older than the server’s KPI heartbeat', () => {
    const wall = dashboard();
    const workflow = wall.panels.find((panel) => panel.type === 'workflow-kpis');
    expect(workflow?.type === 'workflow-kpis' ? workflow.options : null).toEqual({ items: [...WORKFLOW_KPI_KINDS], columns: 5 });
    expect(wall.kpiStaleAfterSeconds).toBeGreaterThan(30);
  });

  it('gives the map the largest area and leaves the middle of the header for the title', () => {
    const wall = dashboard();
    const area = (panel: Dashboard['panels'][number]): number => panel.w * panel.h;
    const largest = [...wall.panels].sort((a, b) => area(b) - area(a))[0];
    expect(largest?.type).toBe('map');
    expect(titleSpan(wall.panels, wall.grid)).toEqual({ x: 6, y: 0, w: 12, h: 1 });
  });
});
