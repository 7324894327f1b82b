import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { startWallSession, type WallSession } from './support/wall-session';

const FIRST_BATCH = 12;
const SECOND_BATCH = 5;
const WAIT = { timeout: 30_000, interval: 250 };
/** Short, so a wall whose KPI pushes stop says so within seconds (30 s in production). */
const KPI_HEARTBEAT_MS = 5_000;
/** A socket.io event frame of `/live` carrying KPIs, as the server writes it. */
const KPIS_FRAME = '42/live,["kpis"';

describe('workflow KPIs are pushed over the wall’s socket, not polled', () => {
  let session: WallSession | undefined;
  let page: Page;
  const kpiRequests: string[] = [];
  const firstBatch = demoReports(FIRST_BATCH, demoGridCodes());
  /** While true, the page's socket gets everything but the KPI pushes (snapshots keep coming). */
  let dropKpiPushes = false;

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-pushed-kpis-', {
      prepare: async (server) => postReports(server.baseUrl, server.ingestKey, firstBatch),
      environment: { LIVE_KPI_HEARTBEAT_MS: String(KPI_HEARTBEAT_MS) },
    });
    page = session.page;
    await page.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (dropKpiPushes && typeof message === 'string' && message.startsWith(KPIS_FRAME)) return;
        socket.send(message);
      });
    });
    page.on('request', (request: Request) => {
      if (new URL(request.url()).pathname === '/api/v1/kpis') kpiRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  const tileValue = (kind: string) => page.locator(`[data-workflow-kpi="${kind}"] .tile__value`).innerText();
  const kpiFreshness = () => page.locator('gc-wall').getAttribute('data-kpi-freshness');

  function server(): WallSession {
    if (!session) throw new Error('server not started');
    return session;
  }

  it('shows the figures from the first push, fresh, without asking /api/v1/kpis', async () => {
    await page.goto((await server().displayLink()).url, { timeout: 30_000 });
    await eventually(() => tileValue('reported'), (value) => expect(value).toBe(String(FIRST_BATCH)), WAIT);
    await eventually(kpiFreshness, (value) => expect(value).toBe('fresh'), WAIT);
    expect(kpiRequests).toEqual([]);
  });

  it('changes the tiles after reports and a ticket event are posted, with no further KPI request', async () => {
    await postReports(server().baseUrl, server().ingestKey, demoReports(SECOND_BATCH, demoGridCodes()));
    await eventually(() => tileValue('reported'), (value) => expect(value).toBe(String(FIRST_BATCH + SECOND_BATCH)), WAIT);

    const ticket = firstBatch[0]?.id ?? '';
    const dispatched = await fetch(`${server().baseUrl}/api/v1/tickets/${ticket}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server().ingestKey}` },
      body: JSON.stringify({ type: 'dispatched', at: new Date().toISOString(), department: '城管执法局' }),
    });
    expect(dispatched.status).toBe(202);
    const postedAt = Date.now();
    await eventually(() => tileValue('dispatched'), (value) => expect(value).toBe('1'), WAIT);
    process.stdout.write(`pushed KPIs: the dispatch showed on the wall ${Date.now() - postedAt} ms after its 202\n`);

    expect(await kpiFreshness()).toBe('fresh');
    expect(kpiRequests).toEqual([]);
  });

  it('says the KPI figures are out of date once their pushes stop while the snapshots still come, and fresh when they resume', async () => {
    dropKpiPushes = true;
    await eventually(kpiFreshness, (value) => expect(value).toBe('stale'), WAIT);
    expect(await page.locator('gc-wall').getAttribute('data-freshness')).toBe('fresh');
    expect(await page.locator('[data-panel="workflow-kpis"] .panel__notice').innerText()).toContain('更新失败');
    // The figures stay on screen, drained, with the warning next to them.
    expect(await tileValue('reported')).toBe(String(FIRST_BATCH + SECOND_BATCH));

    dropKpiPushes = false;
    await eventually(kpiFreshness, (value) => expect(value).toBe('fresh'), WAIT);
    expect(await page.locator('[data-panel="workflow-kpis"] .panel__notice').count()).toBe(0);
    expect(kpiRequests).toEqual([]);
  });
});
