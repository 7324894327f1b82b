import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionTokensSchema } from '@grid-command/contracts';
import { requestJson } from '@grid-command/server-harness';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { raiseCriticalAlert } from './support/critical-alert';
import { eventually } from './support/eventually';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 45_000, interval: 200 };
/** The shortest dwell a playlist allows, so the test sees several turns in seconds. */
const DWELL_SECONDS = 5;
const STREET = 'street:450103001';
const STREET_TITLE = '新竹街道指挥分中心（轮播测试）';
const OFFICER: TestUser = { username: 'zhaoliu', password: 'duty desk playlist 2026', displayName: '赵六' };
/** The critical report comes from a grid of another street than either entry shows. */
const CRITICAL_GRID = demoGridCodes().find((code) => code.startsWith('450103005')) ?? '';
const CRITICAL_COMMUNITY = `community:${CRITICAL_GRID.slice(0, 12)}`;

declare global {
  interface Window {
    /** Filled by the frame sampler installed before the page loads. */
    playlistFrames?: { readonly total: number; readonly blank: number; readonly crossFading: number };
  }
}

/**
 * Counts animation frames from the first one with a wall: frames with no wall panel on screen at all (a blank frame)
 * and frames with the outgoing wall fading over the incoming one.
 */
function sampleFrames(): void {
  let seenWall = false;
  const frames = { total: 0, blank: 0, crossFading: 0 };
  const sample = (): void => {
    const panels = document.querySelectorAll('gc-wall:not([data-cross-fade]) .panel').length;
    if (panels > 0) seenWall = true;
    if (seenWall) {
      frames.total += 1;
      if (panels === 0) frames.blank += 1;
      if (document.querySelector('[data-cross-fade]') !== null) frames.crossFading += 1;
    }
    window.playlistFrames = { ...frames };
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

describe('a wall playing a playlist', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;
  let officerToken: string;
  const dashboards = mkdtempSync(join(tmpdir(), 'screen-e2e-playlist-dashboards-'));
  const socketsOpened: string[] = [];

  beforeAll(async () => {
    expect(CRITICAL_GRID).not.toBe('');
    // Two layouts, each on its own scope, rotated by a playlist of the shortest dwell.
    mkdirSync(join(dashboards, 'playlists'));
    copyFileSync(join(WORKSPACE_ROOT, 'dashboards/leader-wall.json'), join(dashboards, 'leader-wall.json'));
    const streetWall = { ...JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'dashboards/leader-wall.json'), 'utf8')), scope: STREET, title: { zh: STREET_TITLE, en: 'Xinzhu street (tour test)' } };
    writeFileSync(join(dashboards, 'street-wall.json'), JSON.stringify(streetWall));
    writeFileSync(
      join(dashboards, 'playlists/e2e-tour.json'),
      JSON.stringify({
        version: 1,
        title: { zh: '测试轮播', en: 'Test tour' },
        scope: DISTRICT,
        criticalHoldSeconds: 600,
        entries: [
          { layout: 'leader-wall', dwellSeconds: DWELL_SECONDS },
          { layout: 'street-wall', dwellSeconds: DWELL_SECONDS },
        ],
      }),
    );
    session = await startWallSession('screen-e2e-playlist-', {
      environment: { DASHBOARD_DIR: dashboards },
      prepare: async ({ baseUrl, ingestKey, admin }) => {
        await admin.createUser(OFFICER, ['duty_officer'], [DISTRICT]);
        // Figures on the wall, but nothing the critical rule takes (severity 4, or gas and fire from 3): the test raises its own.
        const ordinary = demoReports(90, demoGridCodes()).map((report) => ({ ...report, severity: Math.min(report.severity, 2) }));
        await postReports(baseUrl, ingestKey, ordinary);
      },
    });
    page = session.page;
    browserConsole = watchConsole(page);
    page.on('websocket', (socket) => socketsOpened.push(socket.url()));
    await page.addInitScript(sampleFrames);
    const answer = await requestJson(session.baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: OFFICER.username, password: OFFICER.password } });
    officerToken = sessionTokensSchema.parse(answer).accessToken;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    rmSync(dashboards, { recursive: true, force: true });
  });

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  const wallScope = () => page.locator('gc-wall:not([data-cross-fade])').getAttribute('data-scope', { timeout: 1000 });
  const position = () => page.locator('[data-playlist-position]').getAttribute('data-playlist-position', { timeout: 1000 });
  const playerState = () => page.locator('gc-playlist-overlay').getAttribute('data-playlist-state', { timeout: 1000 });
  const heading = () => page.locator('gc-wall:not([data-cross-fade]) .title__heading').innerText({ timeout: 1000 });
  const onScreen = async () => ({ scope: await wallScope(), position: await position() });

  it('rotates between the two layouts on their scopes, cross-fading with no blank frame and no new socket', async () => {
    const link = await server().displayLink();
    const token = new URL(link.url).searchParams.get('display');
    await page.goto(`${server().baseUrl}/?playlist=e2e-tour&display=${token}`, { timeout: 30_000 });
    await eventually(onScreen, (value) => expect(value).toEqual({ scope: DISTRICT, position: '1/2' }), WAIT);
    await eventually(() => page.locator('gc-freshness-panel').getAttribute('data-level'), (value) => expect(value).toBe('fresh'), WAIT);
    const socketsAtStart = socketsOpened.length;
    expect(socketsAtStart).toBeGreaterThan(0);

    await eventually(onScreen, (value) => expect(value).toEqual({ scope: STREET, position: '2/2' }), WAIT);
    expect(await heading()).toBe(STREET_TITLE);
    expect(await page.locator('[data-playlist-position]').innerText()).toMatch(/^轮播 2\/2 · \d+ 秒后切换$/);
    await eventually(onScreen, (value) => expect(value).toEqual({ scope: DISTRICT, position: '1/2' }), WAIT);
    await eventually(onScreen, (value) => expect(value).toEqual({ scope: STREET, position: '2/2' }), WAIT);

    const frames = await page.evaluate(() => window.playlistFrames);
    process.stdout.write(`playlist rotation: ${JSON.stringify(frames)} frames, ${socketsOpened.length - socketsAtStart} sockets opened after the first entry\n`);
    expect(frames?.blank).toBe(0);
    expect(frames?.crossFading).toBeGreaterThan(0);
    expect(socketsOpened.length).toBe(socketsAtStart);
    // The address says what plays, so a reboot of the kiosk plays it again; the token is gone from it.
    expect(new URL(page.url()).searchParams.get('playlist')).toBe('e2e-tour');
    expect(new URL(page.url()).searchParams.get('display')).toBeNull();
  });


  it('pauses on a 特急 report in the district, showing its place with the alert, and resumes where it stopped once closed', async () => {
    await eventually(playerState, (value) => expect(value).toBe('running'), WAIT);
    const postedAt = Date.now();
    const alert = await raiseCriticalAlert(server(), CRITICAL_GRID, WAIT);
    await eventually(() => page.locator('[data-playlist-critical]').getAttribute('data-playlist-critical', { timeout: 1000 }), (value) => expect(value).toBe(alert.id), WAIT);
    const pausedAfterMs = Date.now() - postedAt;
    await eventually(wallScope, (value) => expect(value).toBe(CRITICAL_COMMUNITY), WAIT);
    const stoppedAt = await position();
    expect(await playerState()).toBe('critical');
    const banner = await page.locator('[data-playlist-critical]').innerText();
    expect(banner).toContain('特急事件');
    expect(banner).toContain(alert.title.zh);
    expect(banner).toContain('待确认');
    expect(banner).toContain('轮播已暂停');
    expect(await page.locator('[data-playlist-position]').innerText()).toContain('已暂停');
    mkdirSync(join(WORKSPACE_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(WORKSPACE_ROOT, 'test-artifacts/wall-playlist-critical.png') });

    // Held well past two dwells: the tour does not move while the alert waits for someone.
    const heldFor = Date.now() + 2 * DWELL_SECONDS * 1000 + 1000;
    while (Date.now() < heldFor) {
      expect(await onScreen()).toEqual({ scope: CRITICAL_COMMUNITY, position: stoppedAt });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    await requestJson(server().baseUrl, { method: 'POST', path: `/api/v1/alerts/${alert.id}/actions`, bearer: officerToken, body: { action: 'close', note: '燃气公司已到场处置' } });
    const closedAt = Date.now();
    await eventually(() => page.locator('[data-playlist-critical]').count(), (value) => expect(value).toBe(0), WAIT);
    const resumedAfterMs = Date.now() - closedAt;
    await eventually(playerState, (value) => expect(value).toBe('running'), WAIT);
    const entryScope = stoppedAt === '1/2' ? DISTRICT : STREET;
    await eventually(onScreen, (value) => expect(value).toEqual({ scope: entryScope, position: stoppedAt }), WAIT);
    await eventually(position, (value) => expect(value).not.toBe(stoppedAt), WAIT);

    const figures = { pausedAfterMs, resumedAfterMs };
    process.stdout.write(`playlist critical pause: ${JSON.stringify(figures)}\n`);
    writeFileSync(join(WORKSPACE_ROOT, 'test-artifacts/playlist-critical-pause.json'), `${JSON.stringify(figures)}\n`);
  });

  it('says in Chinese that a playlist cannot be loaded and shows the default wall instead of a blank one', async () => {
    await page.goto(`${server().baseUrl}/?playlist=no-such-tour`, { timeout: 30_000 });
    await eventually(() => page.locator('[data-playlist-notice]').innerText({ timeout: 1000 }), (value) => expect(value).toContain('播放列表“no-such-tour”无法加载（不存在）'), WAIT);
    await eventually(wallScope, (value) => expect(value).toBe(DISTRICT), WAIT);
    expect(await page.locator('[data-playlist-position]').count()).toBe(0);
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
