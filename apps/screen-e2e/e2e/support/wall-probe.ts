import type { Page } from 'playwright-core';

export interface ChartProbe {
  readonly panel: string;
  readonly width: number;
  readonly height: number;
  /** Canvas pixels that are not fully transparent. */
  readonly paintedPixels: number;
  /** Distinct colours among the painted pixels (coarsely quantised). */
  readonly colours: number;
  /** Yellow to red pixels: the hot end of the map's heat scale. */
  readonly warmPixels: number;
}

/** Size and paint of every ECharts canvas on the wall, by the panel it belongs to. */
export function probeCharts(page: Page): Promise<ChartProbe[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-panel] canvas')].map((canvas) => {
      const panel = canvas.closest('[data-panel]')?.getAttribute('data-panel') ?? '?';
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let painted = 0;
      let warm = 0;
      const colours = new Set<number>();
      for (let offset = 0; offset < pixels.length; offset += 4) {
        if ((pixels[offset + 3] ?? 0) === 0) continue;
        const [red, green, blue] = [pixels[offset] ?? 0, pixels[offset + 1] ?? 0, pixels[offset + 2] ?? 0];
        painted += 1;
        if (red > 200 && blue < 110) warm += 1;
        colours.add(((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4));
      }
      return { panel, width: canvas.width, height: canvas.height, paintedPixels: painted, colours: colours.size, warmPixels: warm };
    }),
  );
}

/** The digits the headline KPI shows right now (grouping commas dropped). */
export async function shownCount(page: Page, kpi: string): Promise<number | null> {
  const text = await page.locator(`[data-kpi="${kpi}"] gc-animated-number`).innerText({ timeout: 5000 });
  const digits = text.replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
}
