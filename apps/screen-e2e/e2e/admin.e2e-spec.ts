import { displayTokenViewSchema, userViewSchema } from '@grid-command/contracts';
import { BOOTSTRAP_ADMIN_USERNAME } from '@grid-command/server-harness';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { logInThroughForm } from './support/console-login';
import { eventually } from './support/eventually';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';

const WAIT = { timeout: 30_000, interval: 200 };

describe('user and credential admin on the real server', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-admin-');
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

  it('logs the admin in at /admin and lists what exists', async () => {
    await page.goto(`${server().baseUrl}/admin`, { timeout: 30_000 });
    await logInThroughForm(page, BOOTSTRAP_ADMIN_USERNAME, server().adminPassword);
    await eventually(() => page.locator(`[data-admin-users] [data-user="${BOOTSTRAP_ADMIN_USERNAME}"]`).count(), (value) => expect(value).toBe(1), WAIT);
    // The ingest key the test set-up created, without its secret.
    await eventually(() => page.locator('[data-admin-ingest-keys] [data-ingest-key]').count(), (value) => expect(value).toBe(1), WAIT);
  });

  it('creates a duty officer, disables and deletes them', async () => {
    const form = page.locator('[data-admin-users] form');
    await form.locator('input[name="username"]').fill('zhaoliu');
    await form.locator('input[name="password"]').fill('street desk 2026');
    await form.locator('input[name="displayName"]').fill('赵六');
    await form.locator('input[name="scopes"]').fill('street:450103001');
    await form.locator('button[type="submit"]').click();
    const row = page.locator('[data-admin-users] [data-user="zhaoliu"]');
    await eventually(() => row.count(), (value) => expect(value).toBe(1), WAIT);
    // The grant reads as the street's name; its code is only the cell's tooltip.
    await eventually(() => row.innerText(), (value) => expect(value).toMatch(/赵六[\s\S]*值班员[\s\S]*新竹街道[\s\S]*正常/), WAIT);
    expect(await row.innerText()).not.toContain('street:450103001');

    await row.locator('button', { hasText: '停用' }).click();
    await eventually(() => row.innerText(), (value) => expect(value).toContain('已停用'), WAIT);
    const users = z.object({ users: z.array(userViewSchema) }).parse(await server().admin.get('/api/v1/users')).users;
    expect(users.find((user) => user.username === 'zhaoliu')?.disabled).toBe(true);

    await row.locator('button', { hasText: '删除' }).click();
    await eventually(() => row.count(), (value) => expect(value).toBe(0), WAIT);
  });

  it('creates a display token, shows its kiosk address once, and revokes it', async () => {
    const form = page.locator('[data-admin-display-tokens] form');
    await form.locator('input[name="name"]').fill('青秀区大屏-1');
    await form.locator('input[name="scope"]').fill(DISTRICT);
    await form.locator('button[type="submit"]').click();
    const url = await page.locator('[data-shown-once] [data-kiosk-url]').innerText();
    expect(new URL(url).searchParams.get('display')).toBe(await page.locator('[data-shown-once] [data-secret]').innerText());
    expect(new URL(url).searchParams.get('scope')).toBe(DISTRICT);
    await page.locator('[data-shown-once] button').click();
    // The panel goes at the next render, not within the click.
    await eventually(() => page.locator('[data-shown-once]').count(), (value) => expect(value).toBe(0), WAIT);

    const row = page.locator('[data-admin-display-tokens] [data-display-token="青秀区大屏-1"]');
    await eventually(() => row.innerText(), (value) => expect(value).toContain('从未使用'), WAIT);
    await row.locator('button', { hasText: '吊销' }).click();
    await eventually(() => row.innerText(), (value) => expect(value).toContain('已吊销'), WAIT);
    const tokens = z.object({ displayTokens: z.array(displayTokenViewSchema) }).parse(await server().admin.get('/api/v1/display-tokens')).displayTokens;
    expect(tokens.find((token) => token.name === '青秀区大屏-1')?.revokedAt).not.toBeNull();
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
