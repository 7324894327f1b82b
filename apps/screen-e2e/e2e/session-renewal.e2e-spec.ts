import { randomUUID } from 'node:crypto';
import { reportSchema } from '@grid-command/contracts';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';

const WAIT = { timeout: 30_000, interval: 200 };
/** Access tokens live this long on this server, so the desk outlives several of them within the test. */
const ACCESS_TOKEN_SECONDS = 4;
const OFFICER: TestUser = { username: 'sunqi', password: 'night shift desk 2026', displayName: '孙七' };

const storedTokensSchema = z.object({ accessToken: z.string(), refreshToken: z.string() });

describe('a duty console outliving its access tokens', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-renewal-', {
      prepare: async ({ admin }) => {
        await admin.createUser(OFFICER, ['duty_officer'], [DISTRICT]);
      },
      environment: { AUTH_ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS) },
    });
    page = session.page;
    browserConsole = watchConsole(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  const storedTokens = async () => storedTokensSchema.parse(JSON.parse((await page.evaluate(() => window.sessionStorage.getItem('gc.session'))) ?? 'null'));

  it('stays logged in and live across expiries: the socket and the requests carry renewed tokens', async () => {
    await page.goto(`${server().baseUrl}/console`, { timeout: 30_000 });
    await logInThroughForm(page, OFFICER.username, OFFICER.password);
    await eventually(() => page.locator('gc-console').getAttribute('data-connection'), (value) => expect(value).toBe('live'), WAIT);
    const first = await storedTokens();

    await page.waitForTimeout(3 * ACCESS_TOKEN_SECONDS * 1000);
    expect(await page.locator('[data-login-form]').count()).toBe(0);
    await eventually(() => page.locator('gc-console').getAttribute('data-connection'), (value) => expect(value).toBe('live'), WAIT);
    const later = await storedTokens();
    expect(later.accessToken).not.toBe(first.accessToken);
    expect(later.refreshToken).not.toBe(first.refreshToken);
  });

  it('hears a new alert on the renewed socket and acts on it with a renewed token', async () => {
    const report = reportSchema.parse({
      id: randomUUID(),
      gridCode: demoGridCodes()[0],
      category: 'fire_safety',
      severity: 4,
      source: 'iot_sensor',
      reportedAt: new Date().toISOString(),
      description: '烟感报警',
    });
    await postReports(server().baseUrl, server().ingestKey, [report]);
    const row = page.locator('gc-alert-list [data-alert-id]').first();
    await eventually(() => row.count(), (value) => expect(value).toBe(1), WAIT);
    // Long enough for the token the desk holds to run out before the click.
    await page.waitForTimeout(ACCESS_TOKEN_SECONDS * 1000 + 500);
    await row.click();
    await page.locator('[data-action="acknowledge"]').click();
    await eventually(() => row.locator('[data-alert-state]').innerText(), (value) => expect(value).toBe(`已确认 · ${OFFICER.username}`), WAIT);
    expect(await page.locator('[data-login-form]').count()).toBe(0);
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
