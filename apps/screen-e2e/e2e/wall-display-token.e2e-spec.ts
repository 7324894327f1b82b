import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { tapSockets } from './support/socket-tap';
import { shownCount } from './support/wall-probe';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 45_000, interval: 250 };
/** What the issue asks of a revoked wall: the 已吊销 screen within this long of the revocation. */
const REVOKED_WITHIN_MS = 10_000;
const POSTED = 120;
const LEADER: TestUser = { username: 'wangwu', password: 'district leader 2026', displayName: '王五' };

describe('a kiosk wall on a display token', () => {
  let session: WallSession | undefined;
  let page: Page;
  const browserConsoles: ConsoleWatch[] = [];
  let token: { readonly id: string; readonly url: string };

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-kiosk-', {
      prepare: async ({ baseUrl, ingestKey, admin }) => {
        await admin.createUser(LEADER, ['leader'], [DISTRICT]);
        await postReports(baseUrl, ingestKey, demoReports(POSTED, demoGridCodes()));
      },
    });
    page = session.page;
    browserConsoles.push(watchConsole(page));
    token = await session.displayLink();
  });

  afterAll(async () => {
    await session?.close();
  });

  function baseUrl(): string {
    if (!session) throw new Error('server not started');
    return session.baseUrl;
  }

  const authState = () => page.locator('gc-wall-unauthorised').getAttribute('data-wall-auth', { timeout: 1000 });

  it('says 未授权 and how to open it when opened without any token', async () => {
    await page.goto(`${baseUrl()}/`, { timeout: 30_000 });
    await eventually(authState, (value) => expect(value).toBe('unauthorised'), WAIT);
    const text = await page.locator('gc-wall-unauthorised').innerText();
    expect(text).toContain('未授权');
    expect(text).toContain('大屏授权链接');
    expect(await page.locator('gc-wall').count()).toBe(0);
  });

  it("shows live figures from the admin's link and takes the token out of the address at once", async () => {
    expect(new URL(token.url).searchParams.get('display')).not.toBeNull();
    const entriesBefore = await page.evaluate(() => window.history.length);
    const response = await page.goto(token.url, { timeout: 30_000 });
    // The policy the page is held to (and which the last test finds unbroken).
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await eventually(() => page.locator('gc-freshness-panel').getAttribute('data-level'), (value) => expect(value).toBe('fresh'), WAIT);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(POSTED), WAIT);
    const address = new URL(page.url());
    expect(address.searchParams.get('display')).toBeNull();
    expect(address.searchParams.get('scope')).toBe('district:450103');
    // Kept for the kiosk's next boot; the address was replaced in place, so no history entry carries the token.
    expect(await page.evaluate(() => window.localStorage.getItem('gc.displayToken'))).toBe(new URL(token.url).searchParams.get('display'));
    expect(await page.evaluate(() => window.history.length)).toBe(entriesBefore + 1);
  });

  it('keeps running on the stored token after a reboot of the kiosk (a plain reload of its address)', async () => {
    await page.goto(`${baseUrl()}/`, { timeout: 30_000 });
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(POSTED), WAIT);
  });

  it('turns into the full-screen 已吊销 state within 10 s of the admin revoking the token, showing no figures', async () => {
    if (!session) throw new Error('server not started');
    expect(await page.locator('gc-wall').count()).toBe(1);
    const revokedAt = Date.now();
    await session.admin.revokeDisplayToken(token.id);
    await eventually(authState, (value) => expect(value).toBe('revoked'), { timeout: REVOKED_WITHIN_MS, interval: 100 });
    const elapsedMs = Date.now() - revokedAt;
    // Measured, not only bounded: the figure goes to the test's artifacts.
    mkdirSync(join(WORKSPACE_ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(WORKSPACE_ROOT, 'test-artifacts/revoke-to-screen.json'), `${JSON.stringify({ elapsedMs })}\n`);
    process.stdout.write(`revocation to 已吊销 on screen: ${elapsedMs} ms\n`);
    expect(elapsedMs).toBeLessThan(REVOKED_WITHIN_MS);
    expect(await page.locator('gc-wall-unauthorised').innerText()).toContain('已吊销');
    expect(await page.locator('gc-wall').count()).toBe(0);
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    expect(await page.evaluate(() => window.localStorage.getItem('gc.displayToken'))).toBeNull();
    await page.screenshot({ path: join(WORKSPACE_ROOT, 'test-artifacts/wall-revoked.png') });
  });

  it('opens for a leader who logs in from the 未授权 screen', async () => {
    await page.locator('gc-wall-unauthorised button').click();
    await logInThroughForm(page, LEADER.username, LEADER.password);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(POSTED), WAIT);
    expect(await page.locator('gc-freshness-panel').getAttribute('data-level')).toBe('fresh');
    expect(await page.evaluate(() => window.localStorage.getItem('gc.displayToken'))).toBeNull();
  });

  it('says 已吊销 within 10 s even when the socket hears nothing of the revocation: the credential check every 5 s', async () => {
    if (!session) throw new Error('server not started');
    const kiosk = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    browserConsoles.push(watchConsole(kiosk));
    const link = await tapSockets(kiosk);
    const second = await session.displayLink();
    await kiosk.goto(second.url, { timeout: 30_000 });
    await eventually(() => shownCount(kiosk, 'reported'), (value) => expect(value).toBe(POSTED), WAIT);
    link.drop();
    const revokedAt = Date.now();
    await session.admin.revokeDisplayToken(second.id);
    const revoked = () => kiosk.locator('gc-wall-unauthorised').getAttribute('data-wall-auth', { timeout: 1000 });
    await eventually(revoked, (value) => expect(value).toBe('revoked'), { timeout: REVOKED_WITHIN_MS, interval: 100 });
    const elapsedMs = Date.now() - revokedAt;
    process.stdout.write(`revocation to 已吊销 on screen with the socket silent: ${elapsedMs} ms\n`);
    writeFileSync(join(WORKSPACE_ROOT, 'test-artifacts/revoke-to-screen-socket-silent.json'), `${JSON.stringify({ elapsedMs })}\n`);
    expect(elapsedMs).toBeLessThan(REVOKED_WITHIN_MS);
    await kiosk.close();
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsoles.flatMap((watch) => watch.cspViolations())).toEqual([]);
  });
});
