import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from './support/eventually';
import { startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 45_000, interval: 250 };
const TITLE = '青秀区网格化治理指挥中心';
const EDITED_TITLE = '青秀区指挥中心 · 布局已热更新';

/** The shipped layouts, copied so the test can edit them while the server watches the copy. */
const layouts = mkdtempSync(join(tmpdir(), 'layouts-e2e-'));
cpSync(join(WORKSPACE_ROOT, 'dashboards'), layouts, { recursive: true });
const layoutFile = join(layouts, 'leader-wall.json');
const original = JSON.parse(readFileSync(layoutFile, 'utf8')) as { title: { zh: string; en: string }; grid: { columns: number; rows: number }; panels: Array<{ id: string; x: number }> };

describe('a wall layout edited while the wall shows it', () => {
  let session: WallSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await startWallSession('layout-e2e-', { environment: { DASHBOARD_DIR: layouts } });
    page = session.page;
    await page.goto((await session.displayLink()).url, { timeout: 30_000 });
    await eventually(() => page.locator('h1').innerText(), (value) => expect(value).toBe(TITLE), WAIT);
  });

  afterAll(async () => {
    await session?.close();
    rmSync(layouts, { recursive: true, force: true });
  });

  async function revision(): Promise<string | null> {
    return page.locator('gc-wall').getAttribute('data-layout-revision');
  }

  async function freshnessLeft(): Promise<number> {
    return (await page.locator('[data-panel-id="freshness"]').boundingBox())?.x ?? -1;
  }

  it('changes title and panels on screen without reloading the page', async () => {
    const before = await revision();
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    const leftBefore = await freshnessLeft();
    // A marker on the window and the navigation entry both survive only if the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { layoutE2eMarker: 'still here' }));
    const edited = {
      ...original,
      title: { ...original.title, zh: EDITED_TITLE },
      panels: original.panels.map((panel) => (panel.id === 'freshness' ? { ...panel, x: panel.x - 2 } : panel)),
    };
    writeFileSync(layoutFile, JSON.stringify(edited, null, 2));

    await eventually(() => page.locator('h1').innerText(), (value) => expect(value).toBe(EDITED_TITLE), WAIT);
    await eventually(freshnessLeft, (value) => expect(value).toBeLessThan(leftBefore - 100), WAIT);
    expect(await revision()).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { layoutE2eMarker?: string }).layoutE2eMarker)).toBe('still here');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').map((entry) => (entry as PerformanceNavigationTiming).type))).toEqual(['navigate']);
    // The live link stayed up through the swap.
    expect(await page.locator('gc-wall').getAttribute('data-link')).toBe('live');
  });

  it('keeps the last good layout through a bad edit and says in Chinese which field of which file is wrong', async () => {
    const good = await revision();
    writeFileSync(layoutFile, JSON.stringify({ ...original, title: { ...original.title, zh: '不该出现的标题' }, grid: { ...original.grid, columns: 100 } }, null, 2));

    const notice = page.locator('gc-layout-notice[data-layout-notice="leader-wall.json"]');
    await eventually(() => notice.count(), (value) => expect(value).toBe(1), WAIT);
    const text = await notice.innerText();
    expect(text).toContain('布局文件 leader-wall.json 的修改无效，仍显示上一个有效版本');
    expect(text).toContain('grid.columns：不能大于 96');
    expect(text).toContain('修正文件后大屏自动更新');
    expect(await page.locator('h1').innerText()).toBe(EDITED_TITLE);
    expect(await revision()).toBe(good);
    expect(await page.locator('[data-panel]').count()).toBe(original.panels.length);
    expect(await page.evaluate(() => (window as unknown as { layoutE2eMarker?: string }).layoutE2eMarker)).toBe('still here');
  });

  it('drops the notice once the file is fixed', async () => {
    writeFileSync(layoutFile, JSON.stringify(original, null, 2));
    await eventually(() => page.locator('gc-layout-notice').count(), (value) => expect(value).toBe(0), WAIT);
    await eventually(() => page.locator('h1').innerText(), (value) => expect(value).toBe(TITLE), WAIT);
  });

  it('explains an unknown scope in the address in Chinese, without the server English', async () => {
    if (!session) throw new Error('server not started');
    await page.goto(`${session.baseUrl}/?scope=street:450103999`, { timeout: 30_000 });
    const status = page.locator('gc-wall-status[data-problem="scope-unknown"]');
    await eventually(() => status.count(), (value) => expect(value).toBe(1), WAIT);
    const text = await status.innerText();
    expect(text).toContain('未找到区域 "street:450103999"，请检查地址中的 scope 参数');
    expect(text).not.toMatch(/GET|unknown|not found/i);
  });
});
