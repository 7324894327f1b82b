import { randomUUID } from 'node:crypto';
import { alertListSchema, reportSchema, sessionTokensSchema, type Alert } from '@grid-command/contracts';
import { requestJson } from '@grid-command/server-harness';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';

const WAIT = { timeout: 30_000, interval: 200 };
/** The server's APP_TIMEZONE (the default); the browser is 13 hours behind it. */
const DEPLOYMENT_ZONE = 'Asia/Shanghai';
const BROWSER_ZONE = 'America/New_York';
const OFFICER: TestUser = { username: 'wangwu', password: 'duty desk abroad 2026', displayName: '王五' };

/** `08:01:09` (or `08:01`) of `instant` in `timeZone`, as a person there reads it. */
function clockIn(instant: number, timeZone: string, withSeconds = true): string {
  return new Intl.DateTimeFormat('en', { timeZone, hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(instant);
}

describe('a browser in another time zone reads every time in the deployment zone', () => {
  let session: WallSession | undefined;
  let abroad: BrowserContext;
  let alert: Alert;

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-time-zone-', {
      prepare: async ({ admin }) => {
        await admin.createUser(OFFICER, ['duty_officer'], [DISTRICT]);
      },
    });
    abroad = await session.browser.newContext({ timezoneId: BROWSER_ZONE, viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await session?.close();
  });

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  it('has a browser whose own zone is not the deployment zone (else this spec proves nothing)', async () => {
    const page = await abroad.newPage();
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone).toBe(BROWSER_ZONE);
    await page.close();
  });

  it('serves the screen with the deployment zone in the page, before any script runs', async () => {
    const html = await (await fetch(`${server().baseUrl}/console`)).text();
    expect(html).toContain(`<meta name="gc-time-zone" content="${DEPLOYMENT_ZONE}" />`);
    const direct = await (await fetch(`${server().baseUrl}/index.html`)).text();
    expect(direct).toContain(`content="${DEPLOYMENT_ZONE}"`);
  });

  it('never shows the browser zone on the wall clock, from the first frame on', async () => {
    const wall = await abroad.newPage();
    // Every text the clock ever shows, recorded by the page itself from before the screen's scripts run.
    await wall.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { clockTexts: string[] }).clockTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-clock-time]')?.textContent?.trim();
        if (text !== undefined && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const started = Date.now();
    await wall.goto((await server().displayLink()).url, { timeout: 30_000 });
    await eventually(() => wall.evaluate(() => (window as unknown as { clockTexts: string[] }).clockTexts.filter((text) => text !== '--:--:--').length), (count) => expect(count).toBeGreaterThan(2), WAIT);
    const texts = await wall.evaluate(() => (window as unknown as { clockTexts: string[] }).clockTexts);
    const hours = new Set([clockIn(started, DEPLOYMENT_ZONE).slice(0, 2), clockIn(Date.now(), DEPLOYMENT_ZONE).slice(0, 2)]);
    const shown = texts.filter((text) => text !== '--:--:--');
    expect(shown.filter((text) => !hours.has(text.slice(0, 2)))).toEqual([]);
    expect(shown.every((text) => /^\d\d:\d\d:\d\d$/.test(text))).toBe(true);
    await wall.close();
  });

  it("shows the console's alert, report and mute times in the deployment zone, a mute ending tomorrow with its date", async () => {
    const { baseUrl, ingestKey, admin } = server();
    const officer = sessionTokensSchema.parse(await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: OFFICER.username, password: OFFICER.password } }));
    await requestJson(baseUrl, { method: 'POST', path: '/api/v1/alert-mutes', bearer: officer.accessToken, body: { ruleId: 'noise-spike', minutes: 24 * 60, reason: '夜间施工' } });
    const report = reportSchema.parse({ id: randomUUID(), gridCode: demoGridCodes()[0], category: 'gas_utilities', severity: 4, source: 'hotline_12345', reportedAt: new Date().toISOString() });
    await postReports(baseUrl, ingestKey, [report]);
    await eventually(
      async () => alertListSchema.parse(await admin.get(`/api/v1/alerts?scope=${DISTRICT}`)).alerts.find((candidate) => candidate.reportIds.includes(report.id)),
      (found) => expect(found).toBeDefined(),
      WAIT,
    );
    alert = alertListSchema.parse(await admin.get(`/api/v1/alerts?scope=${DISTRICT}`)).alerts.find((candidate) => candidate.reportIds.includes(report.id)) as Alert;

    const desk: Page = await abroad.newPage();
    await desk.goto(`${baseUrl}/console`, { timeout: 30_000 });
    await eventually(() => desk.locator('[data-login-form]').count(), (value) => expect(value).toBe(1), WAIT);
    await logInThroughForm(desk, OFFICER.username, OFFICER.password);
    const row = desk.locator(`gc-alert-list [data-alert-id="${alert.id}"]`);
    await eventually(() => row.count(), (value) => expect(value).toBe(1), WAIT);
    await row.click();
    const opened = Date.parse(alert.openedAt);
    const head = desk.locator('gc-alert-detail .head');
    await eventually(() => head.innerText(), (text) => expect(text).toContain(`发生于 ${clockIn(opened, DEPLOYMENT_ZONE)}`), WAIT);
    expect(await head.innerText()).not.toContain(clockIn(opened, BROWSER_ZONE));
    const reportLine = desk.locator(`gc-alert-detail [data-report-id="${report.id}"]`);
    await eventually(() => reportLine.innerText(), (text) => expect(text).toContain(clockIn(Date.parse(report.reportedAt), DEPLOYMENT_ZONE)), WAIT);

    // The mute ends tomorrow (in Shanghai): its end reads with its date.
    const mute = desk.locator('gc-mute-panel [data-mute]');
    await eventually(() => mute.count(), (value) => expect(value).toBe(1), WAIT);
    const until = Date.now() + 24 * 60 * 60_000;
    const day = new Intl.DateTimeFormat('zh-CN', { timeZone: DEPLOYMENT_ZONE, month: 'long', day: 'numeric' }).format(until);
    expect(await mute.innerText()).toMatch(new RegExp(`至 ${day} \\d\\d:\\d\\d`));
    expect(await mute.innerText()).toMatch(new RegExp(`至 ${day} (${clockIn(until - 60_000, DEPLOYMENT_ZONE, false)}|${clockIn(until - 120_000, DEPLOYMENT_ZONE, false)}|${clockIn(until, DEPLOYMENT_ZONE, false)})`));
    await desk.close();
  });
});
