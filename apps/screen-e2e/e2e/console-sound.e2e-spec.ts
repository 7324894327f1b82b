import { alertMuteSchema, type Alert } from '@grid-command/contracts';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { logInThroughForm } from './support/console-login';
import { demoGridCodes } from './support/demo-reports';
import { raiseCriticalAlert } from './support/critical-alert';
import { eventually } from './support/eventually';
import type { TestUser } from './support/identity';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';

const WAIT = { timeout: 30_000, interval: 200 };
const OFFICER: TestUser = { username: 'zhaoliu', password: 'duty desk sound 2026', displayName: '赵六' };

declare global {
  interface Window {
    /** Oscillators the page started: each is a tone of a chime it really played through Web Audio. */
    tonesStarted?: number;
  }
}

describe('the duty console turns its sound on with one click', () => {
  let session: WallSession | undefined;
  let page: Page;
  const gridCodes = demoGridCodes();

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-sound-', {
      prepare: async ({ admin }) => {
        await admin.createUser(OFFICER, ['duty_officer'], [DISTRICT]);
      },
    });
    page = session.page;
    // Counts what the page plays without changing it: the real AudioContext and oscillators still make the sound.
    await page.addInitScript(() => {
      window.tonesStarted = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
        window.tonesStarted = (window.tonesStarted ?? 0) + 1;
        return start.apply(this, args);
      };
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  const button = () => page.locator('[data-sound]');
  const tones = (): Promise<number> => page.evaluate(() => window.tonesStarted ?? 0);


  async function clickOnceAndHearAnAlert(gridCode: string): Promise<Alert> {
    await eventually(() => page.locator('gc-console').getAttribute('data-freshness'), (value) => expect(value).toBe('fresh'), WAIT);
    expect(await button().getAttribute('data-sound-state')).toBe('locked');
    expect(await button().innerText()).toBe('点击启用声音');
    await button().click();
    await eventually(() => button().innerText(), (value) => expect(value).toBe('声音：开'), WAIT);
    expect(await button().getAttribute('data-sound-state')).toBe('on');
    expect(await tones()).toBe(0);

    const alert = await raiseCriticalAlert(server(), gridCode, WAIT);
    await eventually(() => page.locator(`gc-alert-list [data-alert-id="${alert.id}"]`).count(), (value) => expect(value).toBe(1), WAIT);
    await eventually(tones, (value) => expect(value).toBeGreaterThan(0), WAIT);
    return alert;
  }

  it('plays a critical alert after one click on 点击启用声音', async () => {
    await page.goto(`${server().baseUrl}/console`, { timeout: 30_000 });
    await logInThroughForm(page, OFFICER.username, OFFICER.password);
    await clickOnceAndHearAnAlert(gridCodes[0] ?? '');
    expect(await page.evaluate(() => window.localStorage.getItem('gc.console.soundMuted'))).toBe('0');
  });

  it('is locked again after a reload, and one click turns it on again, not off', async () => {
    await page.reload({ timeout: 30_000 });
    await clickOnceAndHearAnAlert(gridCodes[1] ?? '');
  });

  it("mutes the selected alert's rule in that alert's scope by default, not across the district", async () => {
    const alert = await raiseCriticalAlert(server(), gridCodes[2] ?? '', WAIT);
    const row = page.locator(`gc-alert-list [data-alert-id="${alert.id}"]`);
    await eventually(() => row.count(), (value) => expect(value).toBe(1), WAIT);
    await row.click();
    const form = page.locator('[data-mute-form]');
    await eventually(() => form.count(), (value) => expect(value).toBe(1), WAIT);
    const [byRule, byScope] = [form.locator('input[type="checkbox"]').nth(0), form.locator('input[type="checkbox"]').nth(1)];
    expect(await byRule.isChecked()).toBe(true);
    expect(await byScope.isChecked()).toBe(true);
    await form.locator('input.reason').fill('燃气管道检修演练');
    await form.locator('button[type="submit"]').click();
    await eventually(() => page.locator('gc-mute-panel [data-mute]').count(), (value) => expect(value).toBe(1), WAIT);

    const { mutes } = z.object({ mutes: z.array(alertMuteSchema) }).parse(await server().admin.get(`/api/v1/alert-mutes?scope=${DISTRICT}`));
    expect(mutes.map(({ ruleId, scope }) => ({ ruleId, scope }))).toEqual([{ ruleId: alert.ruleId, scope: alert.scope }]);
  });
});
