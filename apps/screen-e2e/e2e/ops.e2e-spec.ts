import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 30_000, interval: 200 };
const OPERATOR: TestUser = { username: 'ops.chen', password: 'pipeline watch 2026', displayName: '陈运维' };
/** The first grid of reference/demo-district.json, and where it is as the page names it. */
const [FIRST_GRID = ''] = demoGridCodes();
const FIRST_GRID_PLACE = '新竹街道 · 桃源社区 · 桃源第1网格';
/** A report whose description holds this is refused by the store (the fault hook), so it lands among the dead letters. */
const POISON = 'ops-e2e-poisoned-row';

/** The figure a tile shows, as a number (`1,234` → 1234). */
async function tileFigure(page: Page, tile: string): Promise<number> {
  const text = await page.locator(`[data-tile="${tile}"] [data-figure]`).innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

describe('/ops on the real server: an operator watches the pipeline', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;
  let feeding = true;
  let feed: Promise<void> = Promise.resolve();
  const faultFile = join(WORKSPACE_ROOT, 'dist', `ops-e2e-faults-${randomUUID().slice(0, 8)}.json`);

  beforeAll(async () => {
    mkdirSync(join(WORKSPACE_ROOT, 'dist'), { recursive: true });
    writeFileSync(faultFile, JSON.stringify({ poisonMarker: POISON }));
    session = await startWallSession('screen-e2e-ops-', {
      environment: { FAULT_INJECTION_FILE: faultFile },
      prepare: async (server) => {
        await server.admin.createUser(OPERATOR, ['operator'], [DISTRICT]);
      },
    });
    page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    browserConsole = watchConsole(page);
  });

  afterAll(async () => {
    feeding = false;
    await feed;
    await session?.close();
  });

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  it('signs the operator in at /ops and shows the pipeline idle, live', async () => {
    await page.goto(`${server().baseUrl}/ops`, { timeout: 30_000 });
    await logInThroughForm(page, OPERATOR.username, OPERATOR.password);
    await eventually(() => page.locator('[data-ops-state]').getAttribute('data-ops-state'), (value) => expect(value).toBe('live'), WAIT);
    expect(await tileFigure(page, 'accepted')).toBe(0);
    expect(await page.locator('[data-tile="stores"]').innerText()).toMatch(/Redis 正常[\s\S]*ClickHouse 正常/);
  });

  it('moves accepted and stored per second while reports flow, against the measured capacity', async () => {
    const grids = demoGridCodes();
    // A steady feed of about 300 reports a second, as a campaign's start looks, until the spec ends.
    feed = (async () => {
      while (feeding) {
        await postReports(server().baseUrl, server().ingestKey, demoReports(150, grids)).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    await eventually(() => tileFigure(page, 'accepted'), (value) => expect(value).toBeGreaterThan(50), WAIT);
    await eventually(() => tileFigure(page, 'stored'), (value) => expect(value).toBeGreaterThan(50), WAIT);
    // The server reads bench-results/latest.json of this checkout, which npm run bench wrote, and names it as there.
    const headroom = await page.locator('[data-ops-headroom]').innerText();
    expect(headroom).toMatch(/占实测容量 [\d,]+ 件\/秒的 \d+%/);
    expect(headroom).toMatch(/bench-results\/latest\.json · \d+ 条\/请求 · 测于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(headroom).not.toContain(WORKSPACE_ROOT);
  });

  it('lists a connected wall with its display token name and a fresh push', async () => {
    const wall = await server().browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const link = await server().displayLink(DISTRICT);
    await wall.goto(link.url, { timeout: 30_000 });
    // The wall holds a socket for its snapshots (and one for its alert ticker, listed as alerts only).
    const rows = page.locator('[data-ops-screens] [data-screen="e2e 大屏-1"]');
    // The district by its name, which the operator could not look up: the scopes route is not theirs.
    const pushed = /大屏\s+青秀区\s+\d{2}:\d{2}:\d{2}\s+\d{2}:\d{2}:\d{2}\s+[\d.]+ 秒/;
    await eventually(() => rows.allInnerTexts(), (texts) => expect(texts.some((text) => pushed.test(text))).toBe(true), WAIT);
    expect(await rows.locator('[data-screen-stale]').count()).toBe(0);
  });

  it('counts a report the store refused among the dead letters', async () => {
    const [report] = demoReports(1, demoGridCodes());
    if (!report) throw new Error('no report');
    await postReports(server().baseUrl, server().ingestKey, [{ ...report, gridCode: FIRST_GRID, description: `井盖缺失 ${POISON}` }]);
    await eventually(() => tileFigure(page, 'dead-letters'), (value) => expect(value).toBe(1), WAIT);
    const letter = page.locator('[data-ops-dead-letters] [data-dead-letter]');
    await eventually(() => letter.innerText(), (value) => expect(value).toContain(report.id), WAIT);
    expect(await letter.locator('[data-place]').innerText()).toMatch(new RegExp(`^${FIRST_GRID_PLACE}\\s+${FIRST_GRID}$`));
  });

  it("replays an edited report: a bad field is refused with the server's words, the corrected one is stored", async () => {
    const letter = page.locator('[data-ops-dead-letters] [data-dead-letter]');
    await letter.locator('[data-edit]').click();
    const editor = page.locator('[data-report-json]');
    const queued = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    await editor.fill(JSON.stringify({ ...queued, gridCode: '45010300100' }));
    await page.locator('[data-replay-edited]').click();
    await eventually(() => page.locator('[data-replay-notice]').innerText(), (value) => expect(value).toMatch(/重放失败：[\s\S]*gridCode/), WAIT);

    await editor.fill(JSON.stringify({ ...queued, description: '井盖缺失' }));
    await page.locator('[data-replay-edited]').click();
    await eventually(() => page.locator('[data-replay-notice]').innerText(), (value) => expect(value).toContain('已重放'), WAIT);
    await eventually(() => tileFigure(page, 'dead-letters'), (value) => expect(value).toBe(0), WAIT);
    // A second poisoned report stays for the picture below.
    const [another] = demoReports(1, demoGridCodes());
    if (!another) throw new Error('no report');
    await postReports(server().baseUrl, server().ingestKey, [{ ...another, description: `路灯不亮 ${POISON}` }]);
    await eventually(() => tileFigure(page, 'dead-letters'), (value) => expect(value).toBe(1), WAIT);
  });

  it('says stale with the time of the last good update when the server stops answering, and keeps the figures', async () => {
    // Give the page its picture first: traffic, a wall, a dead letter.
    await page.waitForTimeout(2_500);
    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    const screenshot = join(artifacts, 'ops.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    if (process.env['UPDATE_SCREENSHOT'] === '1') copyFileSync(screenshot, join(WORKSPACE_ROOT, 'docs/ops-screenshot.png'));

    await page.route('**/api/v1/ops/overview', (route) => route.abort('connectionrefused'));
    await eventually(() => page.locator('[data-ops-state]').getAttribute('data-ops-state'), (value) => expect(value).toBe('stale'), WAIT);
    expect(await page.locator('[data-ops-state]').innerText()).toMatch(/数据已过期 · 最后一次成功更新 \d{2}:\d{2}:\d{2}/);
    expect(await tileFigure(page, 'accepted')).toBeGreaterThan(0);
    await page.unroute('**/api/v1/ops/overview');
    await eventually(() => page.locator('[data-ops-state]').getAttribute('data-ops-state'), (value) => expect(value).toBe('live'), WAIT);
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
