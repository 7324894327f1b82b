import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { alertListSchema, reportSchema, type Alert } from '@grid-command/contracts';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { tapSockets, type SocketTap } from './support/socket-tap';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';
import { WORKSPACE_ROOT } from './support/workspace';

const WAIT = { timeout: 30_000, interval: 200 };
/** The street of the first grid, where the critical report comes from. */
const STREET = 'street:450103001';
/** Two duty officers of the district, each at a desk of their own. */
const FIRST: TestUser = { username: 'zhangsan', password: 'duty desk one 2026', displayName: '张三' };
const SECOND: TestUser = { username: 'lisi', password: 'duty desk two 2026', displayName: '李四' };

describe('two duty consoles on the real server', () => {
  let session: WallSession | undefined;
  let first: Page;
  let second: Page;
  let secondLink: SocketTap;
  let alert: Alert;
  const consoles: ConsoleWatch[] = [];

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-console-', {
      prepare: async ({ admin }) => {
        await admin.createUser(FIRST, ['duty_officer'], [DISTRICT]);
        await admin.createUser(SECOND, ['duty_officer'], [DISTRICT]);
      },
    });
    first = session.page;
    // The second officer works in a browser profile of their own.
    const context = await session.browser.newContext({ viewport: { width: 1600, height: 900 } });
    second = await context.newPage();
    secondLink = await tapSockets(second);
    consoles.push(watchConsole(first), watchConsole(second));
  });

  afterAll(async () => {
    await session?.close();
  });

  function baseUrl(): string {
    if (!session) throw new Error('server not started');
    return session.baseUrl;
  }

  const row = (page: Page, id: string) => page.locator(`gc-alert-list [data-alert-id="${id}"]`);
  const rowState = (page: Page, id: string) => row(page, id).locator('[data-alert-state]').innerText();
  const freshness = (page: Page) => page.locator('gc-console').getAttribute('data-freshness');

  function admin(): WallSession['admin'] {
    if (!session) throw new Error('server not started');
    return session.admin;
  }

  async function alertOfReport(reportId: string): Promise<Alert | undefined> {
    const list = alertListSchema.parse(await admin().get(`/api/v1/alerts?scope=${DISTRICT}&state=open,acknowledged,dispatched,closed`));
    return list.alerts.find((candidate) => candidate.reportIds.includes(reportId));
  }

  it('shows the login in place of the desk, refuses a wrong password and opens the desk under the name of who logged in', async () => {
    // The first officer opens a link to a filtered desk: the login must not lose the filter.
    await Promise.all([first.goto(`${baseUrl()}/console?within=${STREET}`, { timeout: 30_000 }), second.goto(`${baseUrl()}/console`, { timeout: 30_000 })]);
    await eventually(() => first.locator('[data-login-form]').count(), (value) => expect(value).toBe(1), WAIT);
    expect(await first.locator('gc-console').count()).toBe(0);

    await logInThroughForm(first, FIRST.username, 'not the password at all');
    await eventually(() => first.locator('[data-login-error]').innerText(), (value) => expect(value).toBe('用户名或密码错误'), WAIT);
    mkdirSync(join(WORKSPACE_ROOT, 'test-artifacts'), { recursive: true });
    await first.screenshot({ path: join(WORKSPACE_ROOT, 'test-artifacts/console-login.png') });
    expect(await first.locator('gc-console').count()).toBe(0);

    await logInThroughForm(first, FIRST.username, FIRST.password);
    await logInThroughForm(second, SECOND.username, SECOND.password);
    await eventually(() => first.locator('[data-whoami-name]').innerText(), (value) => expect(value).toBe(FIRST.username), WAIT);
    expect(await first.locator('[data-whoami-roles]').innerText()).toBe('值班员');
    expect(new URL(first.url()).searchParams.get('within')).toBe(STREET);
    await eventually(() => first.locator('[data-filter="within"]').inputValue(), (value) => expect(value).toBe(STREET), WAIT);
    await eventually(() => second.locator('[data-whoami-name]').innerText(), (value) => expect(value).toBe(SECOND.username), WAIT);
    // Nobody is asked for a name any more: the server knows who is logged in.
    expect(await first.locator('[data-officer-form]').count()).toBe(0);
    await eventually(() => freshness(first), (value) => expect(value).toBe('fresh'), WAIT);
    await eventually(() => freshness(second), (value) => expect(value).toBe('fresh'), WAIT);
    expect(await first.locator('h1').innerText()).toBe('青秀区 · 指挥调度值班台');
    // Sound waits for a gesture, and says so.
    expect(await first.locator('[data-sound]').getAttribute('data-sound-state')).toBe('locked');
    expect(await first.locator('[data-sound]').innerText()).toContain('点击启用声音');
    await first.locator('[data-sound]').click();
    await eventually(() => first.locator('[data-sound]').getAttribute('data-sound-state'), (value) => expect(value).toBe('on'), WAIT);
  });

  it('shows a critical report in both consoles within seconds', async () => {
    const report = reportSchema.parse({
      id: randomUUID(),
      gridCode: demoGridCodes()[0],
      category: 'gas_utilities',
      severity: 4,
      source: 'hotline_12345',
      reportedAt: new Date().toISOString(),
      description: '居民反映楼道内有明显燃气味',
    });
    if (!session) throw new Error('server not started');
    await postReports(baseUrl(), session.ingestKey, [report]);
    await eventually(async () => (await alertOfReport(report.id)) !== undefined, (value) => expect(value).toBe(true), WAIT);
    const raised = await alertOfReport(report.id);
    if (raised === undefined) throw new Error('no alert');
    alert = raised;
    await eventually(() => row(first, alert.id).count(), (value) => expect(value).toBe(1), WAIT);
    await eventually(() => row(second, alert.id).count(), (value) => expect(value).toBe(1), WAIT);
    expect(await row(first, alert.id).getAttribute('data-severity')).toBe('critical');
    expect(await rowState(second, alert.id)).toBe('待确认');
    expect(await row(first, alert.id).innerText()).toMatch(/确认时限 剩 \d/);
  });

  it('acknowledges in the first console under the logged-in name; the second shows who did without a reload', async () => {
    await row(first, alert.id).click();
    await eventually(() => first.locator('gc-alert-detail').getAttribute('data-detail-alert'), (value) => expect(value).toBe(alert.id), WAIT);
    // The reports behind the alert, with the reporter's words.
    await eventually(() => first.locator('gc-alert-detail [data-report-id]').count(), (value) => expect(value).toBe(1), WAIT);
    expect(await first.locator('gc-alert-detail [data-report-id]').innerText()).toContain('燃气味');

    await first.locator('[data-action="acknowledge"]').click();
    await eventually(() => rowState(first, alert.id), (value) => expect(value).toBe(`已确认 · ${FIRST.username}`), WAIT);
    await eventually(() => rowState(second, alert.id), (value) => expect(value).toBe(`已确认 · ${FIRST.username}`), WAIT);
    expect(await first.locator('[data-action-log]').innerText()).toContain(`确认 · ${FIRST.username}`);
    // The server recorded who was logged in (by username), not anything the page typed.
    const recorded = (await admin().alert(alert.id)).alert.actions.find((action) => action.change === 'acknowledge');
    expect(recorded?.by).toBe(FIRST.username);
  });

  it("answers the second officer's stale dispatch with 409 and shows the state the first one left at once", async () => {
    await row(second, alert.id).click();
    await eventually(() => second.locator('[data-action="dispatch"]').count(), (value) => expect(value).toBe(1), WAIT);
    // The second console hears nothing for a while, so it still shows the alert as acknowledged.
    secondLink.hold();
    await first.locator('[data-field="other-department"]').fill('燃气公司');
    await first.locator('[data-action="dispatch"]').click();
    await eventually(() => rowState(first, alert.id), (value) => expect(value).toContain('已派遣 · 燃气公司'), WAIT);
    expect(await rowState(second, alert.id)).toBe(`已确认 · ${FIRST.username}`);
    // The ticket history pane follows the dispatch at once, without selecting the alert again (it stayed 待派单).
    const history = first.locator('[data-ticket-history]');
    await eventually(() => history.innerText(), (text) => expect(text).toMatch(new RegExp(`已派单 · 燃气公司[\\s\\S]*派单 · ${FIRST.username} · 燃气公司`)), WAIT);
    expect(await first.locator('gc-alert-detail').getAttribute('data-detail-alert')).toBe(alert.id);

    await second.locator('[data-action="dispatch"]').click();
    const message = second.locator('[data-action-message]');
    await eventually(() => message.getAttribute('data-kind'), (value) => expect(value).toBe('conflict'), WAIT);
    expect(await message.innerText()).toContain('操作未生效');
    // The 409's alert replaced the stale one before any notice got through.
    expect(await rowState(second, alert.id)).toContain('已派遣 · 燃气公司');
    expect(await second.locator('[data-detail-state]').innerText()).toContain('燃气公司');
    secondLink.release();
  });

  it('shows the alert on the wall ticker with its state', async () => {
    if (!session) throw new Error('server not started');
    const wall = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    consoles.push(watchConsole(wall));
    await wall.goto((await session.displayLink()).url, { timeout: 30_000 });
    const item = wall.locator(`[data-panel="alert-ticker"] [data-ticker-item="${alert.id}"]`).first();
    await eventually(() => item.count(), (value) => expect(value).toBe(1), WAIT);
    expect(await item.innerText()).toMatch(/已派遣 · 燃气公司 处置 · 待报到 · 已持续/);
    expect(await wall.locator('gc-alert-ticker-panel').getAttribute('data-level')).toBe('fresh');
    await wall.close();
  });

  it('tells the second console what it missed while its link was dead, after it reconnects; mutes come and go', async () => {
    // A dead link: no notices, and no list answers either, until it comes back.
    secondLink.drop();
    await second.route('**/api/v1/alerts?**', (route) => route.abort('internetdisconnected'));
    await first.locator('[data-action="report_in"]').click();
    await eventually(() => rowState(first, alert.id), (value) => expect(value).toContain('已报到'), WAIT);
    await first.locator('[data-field="note"]').fill('燃气公司已到场关阀，隐患排除');
    await first.locator('[data-action="close"]').click();
    await eventually(() => row(first, alert.id).count(), (value) => expect(value).toBe(0), WAIT);
    expect(await row(second, alert.id).count()).toBe(1);

    await second.unroute('**/api/v1/alerts?**');
    await secondLink.cut();
    const notice = second.locator('[data-missed-notice]');
    await eventually(() => notice.count(), (value) => expect(value).toBe(1), WAIT);
    expect(await notice.innerText()).toMatch(/断线期间错过 [1-9]\d* 条更新/);
    // The closed alert leaves the active list once the catch-up and the full list are in.
    await eventually(() => row(second, alert.id).count(), (value) => expect(value).toBe(0), WAIT);
    await eventually(() => freshness(second), (value) => expect(value).toBe('fresh'), WAIT);

    // With closed alerts shown, it is there with the whole action log.
    await second.locator('[data-filter-state="closed"]').check();
    await eventually(() => new URL(second.url()).searchParams.get('state'), (value) => expect(value).toBe('open,acknowledged,dispatched,closed'), WAIT);
    await eventually(() => row(second, alert.id).count(), (value) => expect(value).toBe(1), WAIT);
    await row(second, alert.id).click();
    await eventually(() => second.locator('[data-action-log] li').count(), (value) => expect(value).toBeGreaterThanOrEqual(5), WAIT);

    // Mute the rule for a known event, see it listed with its reason, and lift it again.
    const form = second.locator('[data-mute-form]');
    await form.locator('input.reason').fill('燃气管道检修演练');
    await form.locator('button[type="submit"]').click();
    const mute = second.locator('gc-mute-panel [data-mute]');
    await eventually(() => mute.count(), (value) => expect(value).toBe(1), WAIT);
    expect(await mute.innerText()).toMatch(new RegExp(`高危事件[\\s\\S]*燃气管道检修演练[\\s\\S]*${SECOND.username} 设置`));
    await mute.locator('button').click();
    await eventually(() => mute.count(), (value) => expect(value).toBe(0), WAIT);

    const artifacts = join(WORKSPACE_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    await second.screenshot({ path: join(artifacts, 'duty-console.png') });
  });

  it('logs out: the desk gives way to the login, and the old token opens nothing', async () => {
    const stored = await first.evaluate(() => window.sessionStorage.getItem('gc.session'));
    const { accessToken } = z.object({ accessToken: z.string() }).parse(JSON.parse(stored ?? 'null'));
    await first.locator('[data-logout]').click();
    await eventually(() => first.locator('[data-login-form]').count(), (value) => expect(value).toBe(1), WAIT);
    expect(await first.locator('[data-login-notice]').innerText()).toBe('已退出登录');
    expect(await first.locator('gc-console').count()).toBe(0);
    expect(await first.evaluate(() => window.sessionStorage.getItem('gc.session'))).toBeNull();
    const me = await fetch(`${baseUrl()}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(10_000) });
    expect(me.status).toBe(401);
    // A reload stays logged out.
    await first.reload({ timeout: 30_000 });
    await eventually(() => first.locator('[data-login-form]').count(), (value) => expect(value).toBe(1), WAIT);
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(consoles.flatMap((watch) => watch.cspViolations())).toEqual([]);
  });
});
