import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { shownCount } from './support/wall-probe';
import { startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 45_000, interval: 250 };
const REPORTS = 240;

/**
 * The leader wall on one 1080p screen and on three side by side, with data, in real Chromium: each layout fills its
 * screens edge to edge (no bands, no scroll bars) and the 48:9 one gives the map more room. With UPDATE_SCREENSHOT=1
 * the pictures go to docs/ for the README.
 */
describe('the wall on a 16:9 screen and a 48:9 video wall', () => {
  let session: WallSession | undefined;
  let kioskUrl: string;

  beforeAll(async () => {
    session = await startWallSession('video-wall-e2e-', {
      prepare: async (server) => postReports(server.baseUrl, server.ingestKey, demoReports(REPORTS, demoGridCodes())),
    });
    kioskUrl = (await session.displayLink()).url;
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(layout: string, width: number, height: number): Promise<Page> {
    if (!session) throw new Error('server not started');
    const page = await session.browser.newPage({ viewport: { width, height } });
    const url = new URL(kioskUrl);
    url.searchParams.set('wall', layout);
    await page.goto(url.toString(), { timeout: 30_000 });
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(REPORTS), WAIT);
    await eventually(() => page.locator('gc-wall-chart[data-chart-drawn="true"]').count(), (value) => expect(value).toBeGreaterThanOrEqual(4), WAIT);
    return page;
  }

  async function picture(page: Page, name: string): Promise<void> {
    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, name);
    // Let the count-ups and chart transitions settle before the picture.
    await page.waitForTimeout(2000);
    await page.screenshot({ path: file });
    if (process.env['UPDATE_SCREENSHOT'] === '1') copyFileSync(file, join(WORKSPACE_ROOT, 'docs', name));
  }

  async function stageBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return page.locator('gc-stage .stage').boundingBox();
  }

  async function mapWidth(page: Page): Promise<number> {
    return (await page.locator('[data-panel="map"]').boundingBox())?.width ?? 0;
  }

  let singleMapWidth = 0;

  it('fills one 1080p screen with the 16:9 layout', async () => {
    const page = await open('leader-wall', 1920, 1080);
    expect(await stageBox(page)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
    singleMapWidth = await mapWidth(page);
    await picture(page, 'wall-16x9.png');
    await page.close();
  });

  it('fills three 1080p screens side by side with the 48:9 layout, not the middle third', async () => {
    const page = await open('leader-wall-48x9', 5760, 1080);
    expect(await stageBox(page)).toEqual({ x: 0, y: 0, width: 5760, height: 1080 });
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([5760, 1080]);
    expect(await page.locator('[data-panel]').count()).toBe(13);
    expect(await mapWidth(page)).toBeGreaterThan(singleMapWidth * 1.5);
    // Panels reach both outer screens.
    const lefts = await page.locator('[data-panel]').evaluateAll((panels) => panels.map((panel) => panel.getBoundingClientRect().left));
    expect(Math.min(...lefts)).toBeLessThan(1920);
    expect(Math.max(...lefts)).toBeGreaterThan(3840);
    await picture(page, 'wall-48x9.png');
    await page.close();
  });
});
