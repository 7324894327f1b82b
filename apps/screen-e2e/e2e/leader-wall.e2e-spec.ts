import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { labelled } from './support/labelled';
import { probeCharts, shownCount, type ChartProbe } from './support/wall-probe';
import { startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const FIRST_BATCH = 180;
const SECOND_BATCH = 57;
const WAIT = { timeout: 45_000, interval: 250 };

describe('the leader wall on the real server', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;
  let kioskUrl: string;
  const gridCodes = demoGridCodes();

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-');
    page = session.page;
    browserConsole = watchConsole(page);
    kioskUrl = (await session.displayLink()).url;
  });

  afterAll(async () => {
    await session?.close();
  });

  function baseUrl(): string {
    if (!session) throw new Error('server not started');
    return session.baseUrl;
  }

  function ingestKey(): string {
    if (!session) throw new Error('server not started');
    return session.ingestKey;
  }

  async function charts(): Promise<Map<string, ChartProbe>> {
    return new Map((await probeCharts(page)).map((probe) => [probe.panel, probe]));
  }

  it("opens live and empty on a fresh server from the admin's display link", async () => {
    await page.goto(kioskUrl, { timeout: 30_000 });
    await eventually(() => page.locator('gc-freshness-panel').getAttribute('data-level'), (value) => expect(value).toBe('fresh'), WAIT);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(0), WAIT);
    await eventually(() => page.locator('gc-wall-chart[data-chart-drawn="true"]').count(), (value) => expect(value).toBe(4), WAIT);
    expect(await page.locator('h1').innerText()).toBe('青秀区网格化治理指挥中心');
  });

  it('counts reports up to exactly what was posted, as they arrive', async () => {
    const before = (await charts()).get('map');
    await postReports(baseUrl(), ingestKey(), demoReports(FIRST_BATCH, gridCodes));
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(FIRST_BATCH), WAIT);

    await postReports(baseUrl(), ingestKey(), demoReports(SECOND_BATCH, gridCodes));
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(FIRST_BATCH + SECOND_BATCH), WAIT);
    expect(await shownCount(page, 'lastHour')).toBe(FIRST_BATCH + SECOND_BATCH);

    // The map repaints the hot grids in the warm end of its scale.
    await eventually(async () => (await charts()).get('map')?.warmPixels ?? 0, (value) => expect(value).toBeGreaterThan((before?.warmPixels ?? 0) + 2000), WAIT);
  });

  it('draws every chart at the real pixel size, says the data is fresh and has no scroll bars', async () => {
    const probes = await charts();
    expect([...probes.keys()].sort()).toEqual(['category-mix', 'map', 'resolve-distribution', 'trend']);
    for (const probe of probes.values()) {
      labelled(probe.panel, () => {
        expect(probe.width).toBeGreaterThan(300);
        expect(probe.height).toBeGreaterThan(150);
      });
    }
    // The live charts have data by now; nothing has been resolved yet, so the distribution may be bare axes.
    for (const panel of ['category-mix', 'map', 'trend']) {
      const probe = probes.get(panel);
      labelled(panel, () => {
        expect(probe?.paintedPixels).toBeGreaterThan(5000);
        expect(probe?.colours).toBeGreaterThan(8);
      });
    }
    const freshness = page.locator('gc-freshness-panel');
    expect(await freshness.getAttribute('data-level')).toBe('fresh');
    expect(await freshness.innerText()).toContain('实时');
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);

    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    const screenshot = join(artifacts, 'leader-wall.png');
    // Let the last count-up and chart transitions settle before the picture.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: screenshot });
    if (process.env['UPDATE_SCREENSHOT'] === '1') {
      mkdirSync(join(WORKSPACE_ROOT, 'docs'), { recursive: true });
      copyFileSync(screenshot, join(WORKSPACE_ROOT, 'docs/screenshot.png'));
    }
  });

  it('shows the same totals again after a reload, on the display token it kept', async () => {
    await page.reload({ timeout: 30_000 });
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(FIRST_BATCH + SECOND_BATCH), WAIT);
    expect(await page.locator('gc-freshness-panel').getAttribute('data-level')).toBe('fresh');
  });

  it('switches to English on the toggle and keeps the choice in the address', async () => {
    await page.locator('.lang-switch').click();
    await eventually(() => page.locator('h1').innerText(), (value) => expect(value).toBe('Qingxiu District Grid Governance Command Center'), WAIT);
    expect(await page.locator('[data-kpi="reported"]').innerText()).toContain('Reported today');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  it('explains a wall that cannot be loaded and keeps retrying', async () => {
    await page.goto(`${baseUrl()}/?wall=no-such-wall`, { timeout: 30_000 });
    const status = page.locator('gc-wall-status[data-wall-status="error"]');
    await eventually(() => status.count(), (value) => expect(value).toBe(1), WAIT);
    expect(await status.innerText()).toMatch(/未找到大屏布局[\s\S]*没有名为 "no-such-wall" 的布局，请检查地址中的 wall 参数[\s\S]*秒后自动重试/);
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
