import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { canvasSize, dashboardSchema, type Dashboard } from '@grid-command/contracts';
import { panelRect, titleSpan, wallSpacing, type Rect } from './stage/panel-geometry';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from './stage/stage-fit';

const DIRECTORY = join(__dirname, '../../../../../dashboards');
const files = readdirSync(DIRECTORY).filter((file) => file.endsWith('.json'));

function layout(file: string): Dashboard {
  const parsed = dashboardSchema.safeParse(JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Where one physical 1080p screen meets the next, in design pixels, across and down. */
function seams(dashboard: Dashboard): { across: number[]; down: number[] } {
  const { width, height } = canvasSize(dashboard.canvas);
  const between = (size: number, screen: number) => Array.from({ length: Math.round(size / screen) - 1 }, (_, index) => (index + 1) * screen);
  return { across: between(width, DESIGN_WIDTH), down: between(height, DESIGN_HEIGHT) };
}

/** Cells covered by more than one panel, as "x,y". */
function overlaps(dashboard: Dashboard): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const panel of dashboard.panels) {
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

function crosses(rect: Rect, lines: { across: number[]; down: number[] }): boolean {
  return lines.across.some((x) => rect.left < x && x < rect.left + rect.width) || lines.down.some((y) => rect.top < y && y < rect.top + rect.height);
}

function area(dashboard: Dashboard, type: string): number {
  const spacing = wallSpacing(canvasSize(dashboard.canvas));
  return dashboard.panels.filter((panel) => panel.type === type).reduce((sum, panel) => {
    const rect = panelRect(panel, dashboard.grid, spacing);
    return sum + rect.width * rect.height;
  }, 0);
}

describe('every layout shipped in dashboards/', () => {
  it('includes one for each video-wall arrangement', () => {
    expect(files.map((file) => layout(file).canvas).sort()).toEqual(expect.arrayContaining(['16:9', '2x2', '32:9', '48:9']));
  });

  it.each(files)('%s is valid, says its canvas, and is for the district', (file) => {
    const raw = JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as Record<string, unknown>;
    expect(raw['canvas']).toBeDefined();
    expect(layout(file).scope).toBe('district:450103');
  });

  it.each(files)('%s covers no cell twice', (file) => {
    expect(overlaps(layout(file))).toEqual([]);
  });

  it.each(files)('%s keeps every panel and the title on one physical screen, off the seams', (file) => {
    const dashboard = layout(file);
    const lines = seams(dashboard);
    const spacing = wallSpacing(canvasSize(dashboard.canvas));
    expect(dashboard.panels.filter((panel) => crosses(panelRect(panel, dashboard.grid, spacing), lines)).map((panel) => panel.id)).toEqual([]);
    const title = titleSpan(dashboard.panels, dashboard.grid);
    expect(title).not.toBeNull();
    if (title !== null) expect(crosses(panelRect(title, dashboard.grid, spacing), lines)).toBe(false);
  });

  it.each(files.filter((file) => layout(file).canvas !== '16:9'))('%s uses its extra screens: more panels and a bigger map than one screen', (file) => {
    const single = layout('leader-wall.json');
    const wall = layout(file);
    expect(wall.panels.length).toBeGreaterThan(single.panels.length);
    expect(area(wall, 'map')).toBeGreaterThan(area(single, 'map') * 1.5);
  });
});
