import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '@grid-command/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { shownCount } from './support/wall-probe';
import { startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 45_000, interval: 200 };
const MINUTE = 60_000;
/** Yesterday in the deployment's zone (Asia/Shanghai, the server's default): the recorded morning replayed. */
const DAY = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const MORNING = (time: string): number => Date.parse(`${DAY}T${time}+08:00`);
/** One report every 30 s from 07:30 to 08:30 that morning: 121 of them. */
const FIRST = MORNING('07:30:00');
const REPORTS = 121;
const recordedMorning = (gridCodes: readonly string[]): Report[] =>
  demoReports(REPORTS, gridCodes).map((report, index) => ({ ...report, reportedAt: new Date(FIRST + index * 30_000).toISOString() }));
/** What the server's `at` answer counts as reported that day by `atMs`: every report up to it. */
const reportedBy = (atMs: number): number => Math.max(0, Math.min(REPORTS, Math.floor((atMs - FIRST) / 30_000) + 1));

describe('the wall replaying a recorded morning', () => {
  let session: WallSession | undefined;
  let page: Page;
  const sockets: string[] = [];
  const fetchedAt: string[] = [];

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-replay-', {
      prepare: async (server) => postReports(server.baseUrl, server.ingestKey, recordedMorning(demoGridCodes())),
    });
    page = session.page;
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/snapshot') fetchedAt.push(url.searchParams.get('at') ?? 'live');
    });
    const kiosk = new URL((await session.displayLink()).url);
    kiosk.searchParams.set('at', `${DAY}T07:55:00+08:00`);
    kiosk.searchParams.set('speed', '60');
    await page.goto(kiosk.toString(), { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The count on screen with the replayed moment its snapshot stands at, read twice so both belong together. */
  async function shownAt(): Promise<{ asOfMs: number; reported: number | null } | null> {
    const status = page.locator('gc-replay-status');
    const before = await status.getAttribute('data-as-of');
    const reported = await shownCount(page, 'reported');
    const after = await status.getAttribute('data-as-of');
    return before === null || before !== after ? null : { asOfMs: Date.parse(before), reported };
  }

  it('says unmistakably that it is a replay, and never shows the live indicator', async () => {
    const banner = page.locator('[data-replay-banner]');
    await eventually(() => banner.innerText(), (text) => expect(text).toContain('回放 · 非实时数据'), WAIT);
    expect(await banner.innerText()).toContain('×60');
    expect(await page.locator('gc-wall').getAttribute('data-replay')).toBe('true');
    expect(await page.locator('gc-freshness-panel').count()).toBe(0);
    expect(await page.locator('gc-replay-status').innerText()).toContain('回放');
    expect(await page.locator('gc-replay-clock').innerText()).toContain('回放时间');
    expect(await page.locator('[data-replay-no-alerts]').innerText()).toBe('回放中不显示告警');
    // Nothing on the wall claims to be live: no freshness lamp of any level, nothing marked fresh.
    expect(await page.locator('gc-freshness-panel, [data-level="fresh"]').count()).toBe(0);
  });

  /** Pauses the replay and waits until the count on screen settles on the server's answer for its moment. */
  async function pauseAndSettle(): Promise<{ asOfMs: number; reported: number }> {
    const bar = page.locator('gc-replay-bar');
    if ((await bar.getAttribute('data-replay-playing')) === 'true') await page.locator('[data-replay-toggle]').click();
    let settled: { asOfMs: number; reported: number } | null = null;
    await eventually(shownAt, (value) => {
      expect(value?.reported).toBe(reportedBy(value?.asOfMs ?? 0));
      settled = { asOfMs: value?.asOfMs ?? 0, reported: value?.reported ?? 0 };
    }, WAIT);
    if (settled === null) throw new Error('never settled');
    return settled;
  }

  it('shows the figures as they stood, growing as the replay advances, equal to the server’s at answers', async () => {
    const status = page.locator('gc-replay-status');
    await eventually(() => status.getAttribute('data-as-of'), (value) => expect(value).not.toBeNull(), WAIT);
    const firstAsOf = Date.parse((await status.getAttribute('data-as-of')) ?? '');
    expect(firstAsOf).toBeGreaterThanOrEqual(MORNING('07:55:00'));
    expect(firstAsOf).toBeLessThan(MORNING('08:05:00'));
    // Six seconds of real time are six minutes of that morning at ×60: a dozen more reports.
    await page.waitForTimeout(6_000);
    const later = await pauseAndSettle();
    expect(later.asOfMs).toBeGreaterThan(firstAsOf + 4 * MINUTE);
    expect(later.reported).toBeGreaterThan(reportedBy(firstAsOf) + 7);
  });

  it('asked only for snapshots at replayed moments, and opened no live socket', () => {
    expect(fetchedAt.length).toBeGreaterThan(3);
    expect(fetchedAt.filter((at) => at === 'live')).toEqual([]);
    expect(sockets.filter((url) => url.includes('/socket.io/'))).toEqual([]);
  });

  it('paused, the replayed time stands still; played at ×600 it races past the end of the morning', async () => {
    const bar = page.locator('gc-replay-bar');
    expect(await bar.getAttribute('data-replay-playing')).toBe('false');
    const paused = await bar.getAttribute('data-replay-at');
    await page.waitForTimeout(2_500);
    expect(await bar.getAttribute('data-replay-at')).toBe(paused);
    await page.locator('[data-replay-speed-option="600"]').click();
    await page.locator('[data-replay-toggle]').click();
    await eventually(() => bar.getAttribute('data-replay-at'), (value) => expect(Date.parse(value ?? '')).toBeGreaterThan(MORNING('08:31:00')), WAIT);
    const end = await pauseAndSettle();
    expect(end.asOfMs).toBeGreaterThan(MORNING('08:30:00'));
    expect(end.reported).toBe(REPORTS);
  });

  it('is pictured for the README, mid-morning at ×60', async () => {
    const timeline = page.locator('[data-replay-timeline]');
    await timeline.evaluate((input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event('change'));
    }, MORNING('08:12:00'));
    await page.locator('[data-replay-speed-option="60"]').click();
    await page.locator('[data-replay-toggle]').click();
    await eventually(() => page.locator('gc-replay-status').getAttribute('data-as-of'), (value) => expect(Date.parse(value ?? '')).toBeLessThan(MORNING('08:20:00')), WAIT);
    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    const screenshot = join(artifacts, 'wall-replay.png');
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: screenshot });
    if (process.env['UPDATE_SCREENSHOT'] === '1') {
      mkdirSync(join(WORKSPACE_ROOT, 'docs'), { recursive: true });
      copyFileSync(screenshot, join(WORKSPACE_ROOT, 'docs/wall-replay.png'));
    }
    expect(await page.locator('[data-replay-banner]').isVisible()).toBe(true);
  });
});
