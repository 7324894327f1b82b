import { kpiResponseSchema, scopeDetailSchema, snapshotSchema, type KpiResponse } from '@grid-command/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { watchConsole, type ConsoleWatch } from './support/browser-console';
import { demoGridCodes, demoReports, postReports } from './support/demo-reports';
import { eventually } from './support/eventually';
import { shownCount } from './support/wall-probe';
import { DISTRICT, startWallSession, type WallSession } from './support/wall-session';

const WAIT = { timeout: 45_000, interval: 250 };
const STREET = 'street:450103001';

describe('drilling down the wall on the real server', () => {
  let session: WallSession | undefined;
  let page: Page;
  let browserConsole: ConsoleWatch;

  beforeAll(async () => {
    session = await startWallSession('screen-e2e-drill-', {
      prepare: async ({ baseUrl, ingestKey }) => {
        // Reports spread over the whole district, so every street has tickets and a live count of its own.
        await postReports(baseUrl, ingestKey, demoReports(400, demoGridCodes()));
      },
    });
    page = session.page;
    browserConsole = watchConsole(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  function baseUrl(): string {
    if (!session) throw new Error('server not started');
    return session.baseUrl;
  }

  function getJson(path: string): Promise<unknown> {
    if (!session) throw new Error('server not started');
    return session.admin.get(path);
  }

  const kpis = async (scope: string): Promise<KpiResponse> => kpiResponseSchema.parse(await getJson(`/api/v1/kpis?scope=${scope}&period=today`));
  const liveReported = async (scope: string): Promise<number> => snapshotSchema.parse(await getJson(`/api/v1/snapshot?scope=${scope}`)).totals.reported;

  const scopeInAddress = (): string | null => new URL(page.url()).searchParams.get('scope');
  const workflow = () => page.locator('[data-panel="workflow-kpis"]');
  const kpiScope = () => page.locator('gc-workflow-kpis-panel').getAttribute('data-kpi-scope');
  const crumbs = () => page.locator('.crumbs [data-crumb]').allInnerTexts();
  const tileValue = (kind: string) => page.locator(`[data-workflow-kpi="${kind}"] .tile__value`).innerText();
  const nameOf = async (scope: string): Promise<string> => scopeDetailSchema.parse(await getJson(`/api/v1/scopes/${scope}`)).name;
  const rankingRows = (prefix: string) => page.locator(`[data-panel="closing-ranking"] button[data-scope^="${prefix}"]`);
  const closingRanking = () => page.locator('[data-panel="closing-ranking"]');

  /** What a drilled wall's heading says at each level. */
  const HEADING: Readonly<Record<string, (name: string) => string>> = {
    district: () => '青秀区网格化治理指挥中心',
    street: (name) => `${name} · 街道指挥分中心`,
    community: (name) => `${name} · 社区工作站`,
    grid: (name) => `${name} · 网格化治理`,
  };

  /** The wall shows `scope`: in the address, the breadcrumb (every level above linked), the KPI answer and the heading. */
  async function expectWallAt(scope: string, trail: readonly string[]): Promise<void> {
    await eventually(scopeInAddress, (value) => expect(value).toBe(scope), WAIT);
    await eventually(crumbs, (value) => expect(value).toEqual(trail), WAIT);
    await eventually(kpiScope, (value) => expect(value).toBe(scope), WAIT);
    expect(await page.locator('.crumbs a[data-crumb]').count()).toBe(trail.length - 1);
    expect(await page.locator('.crumbs [aria-current="page"]').getAttribute('data-crumb')).toBe(scope);
    const level = scope.slice(0, scope.indexOf(':'));
    await eventually(() => page.locator('h1').innerText(), (value) => expect(value).toBe(HEADING[level]?.(trail[trail.length - 1] ?? '')), WAIT);
  }

  /** Clicks the middle of the map once the map of `scope` has replaced the one before it. */
  async function clickMapOf(scope: string): Promise<void> {
    await eventually(kpiScope, (value) => expect(value).toBe(scope), WAIT);
    await eventually(() => page.locator('[data-panel="map"] gc-wall-chart[data-chart-drawn="true"]').count(), (value) => expect(value).toBe(1), WAIT);
    await page.waitForTimeout(500);
    await page.locator('[data-panel="map"] gc-wall-chart').click();
  }

  it('opens the district wall with the district KPIs and its streets in the ranking', async () => {
    if (!session) throw new Error('server not started');
    await page.goto((await session.displayLink()).url, { timeout: 30_000 });
    await eventually(kpiScope, (value) => expect(value).toBe(DISTRICT), WAIT);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(400), WAIT);
    expect(await crumbs()).toEqual(['青秀区']);
    await eventually(() => page.locator('[data-panel="closing-ranking"] button[data-scope^="street:"]').count(), (value) => expect(value).toBe(10), WAIT);
    const district = await kpis(DISTRICT);
    await eventually(() => tileValue('reported'), (value) => expect(value).toBe(district.current.reported.toLocaleString('en-US')), WAIT);
    expect(await page.locator('[data-panel="closing-ranking"] button[data-scope^="community:"]').count()).toBe(0);
  });

  it('goes down to a street clicked in the ranking: address, breadcrumb, KPIs, live count and ranking follow', async () => {
    const row = page.locator(`[data-panel="closing-ranking"] button[data-scope="${STREET}"]`);
    const streetName = (await row.locator('.name').innerText()).trim();
    expect(streetName).toMatch(/街道$/);
    await row.click();

    await eventually(scopeInAddress, (value) => expect(value).toBe(STREET), WAIT);
    await eventually(crumbs, (value) => expect(value).toEqual(['青秀区', streetName]), WAIT);
    expect(await page.locator(`.crumbs a[data-crumb="${DISTRICT}"]`).count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe(`${streetName} · 街道指挥分中心`);

    await eventually(kpiScope, (value) => expect(value).toBe(STREET), WAIT);
    expect(await workflow().locator('.panel__heading').innerText()).toContain(streetName);
    const street = await kpis(STREET);
    const district = await kpis(DISTRICT);
    expect(street.current.reported).toBeLessThan(district.current.reported);
    await eventually(() => tileValue('reported'), (value) => expect(value).toBe(street.current.reported.toLocaleString('en-US')), WAIT);

    // The live socket now carries the street's snapshot, not the district's.
    const streetLive = await liveReported(STREET);
    expect(streetLive).toBeLessThan(400);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(streetLive), WAIT);

    await eventually(() => page.locator('[data-panel="closing-ranking"] button[data-scope^="community:450103001"]').count(), (value) => expect(value).toBeGreaterThan(0), WAIT);
    expect(await page.locator('[data-panel="closing-ranking"] button[data-scope^="street:"]').count()).toBe(0);
  });

  it('goes back up to the district through the breadcrumb', async () => {
    await page.locator(`.crumbs a[data-crumb="${DISTRICT}"]`).click();
    await eventually(scopeInAddress, (value) => expect(value).toBe(DISTRICT), WAIT);
    await eventually(crumbs, (value) => expect(value).toEqual(['青秀区']), WAIT);
    await eventually(kpiScope, (value) => expect(value).toBe(DISTRICT), WAIT);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(400), WAIT);
    expect(await page.locator('h1').innerText()).toBe('青秀区网格化治理指挥中心');
  });

  it("returns to the street with the browser's back button, and opens a street's wall straight from its address", async () => {
    await page.goBack();
    await eventually(kpiScope, (value) => expect(value).toBe(STREET), WAIT);
    expect(scopeInAddress()).toBe(STREET);

    await page.goto(`${baseUrl()}/?scope=${STREET}&lang=en`, { timeout: 30_000 });
    await eventually(kpiScope, (value) => expect(value).toBe(STREET), WAIT);
    expect((await crumbs()).length).toBe(2);
    expect(await workflow().locator('.panel__heading').innerText()).toContain('tickets today');
  });

  it('goes down every level through the ranking rows — street, community, grid — and back up through the browser and the breadcrumb', async () => {
    const district = ['青秀区'];
    await page.goto(`${baseUrl()}/?scope=${DISTRICT}`, { timeout: 30_000 });
    await expectWallAt(DISTRICT, district);

    await eventually(() => rankingRows('street:').count(), (value) => expect(value).toBeGreaterThan(0), WAIT);
    const street = (await rankingRows('street:').first().getAttribute('data-scope')) ?? '';
    await rankingRows('street:').first().click();
    const toStreet = [...district, await nameOf(street)];
    await expectWallAt(street, toStreet);

    const communityPrefix = `community:${street.slice('street:'.length)}`;
    await eventually(() => rankingRows(communityPrefix).count(), (value) => expect(value).toBeGreaterThan(0), WAIT);
    const community = (await rankingRows(communityPrefix).first().getAttribute('data-scope')) ?? '';
    await rankingRows(communityPrefix).first().click();
    const toCommunity = [...toStreet, await nameOf(community)];
    await expectWallAt(community, toCommunity);

    // A community ranks its grids: no dead end here.
    const gridPrefix = `grid:${community.slice('community:'.length)}`;
    await eventually(() => rankingRows(gridPrefix).count(), (value) => expect(value).toBeGreaterThan(0), WAIT);
    expect(await closingRanking().locator('.panel__heading').innerText()).toBe('今日网格办结率排名');
    expect(await closingRanking().innerText()).not.toContain('最小治理单元');
    const grid = (await rankingRows(gridPrefix).first().getAttribute('data-scope')) ?? '';
    await rankingRows(gridPrefix).first().click();
    const toGrid = [...toCommunity, await nameOf(grid)];
    await expectWallAt(grid, toGrid);

    // The grid is the bottom and says so plainly, with its own figures on screen.
    await eventually(() => closingRanking().innerText(), (value) => expect(value).toContain('网格是最小治理单元'), WAIT);
    expect(await closingRanking().locator('button').count()).toBe(0);
    const gridKpis = await kpis(grid);
    await eventually(() => tileValue('reported'), (value) => expect(value).toBe(gridKpis.current.reported.toLocaleString('en-US')), WAIT);
    const gridLive = await liveReported(grid);
    await eventually(() => shownCount(page, 'reported'), (value) => expect(value).toBe(gridLive), WAIT);
    expect(await page.title()).toBe(`${toGrid[3]} · 网格化治理`);

    // The browser's back button climbs one level at a time, and forward comes down again.
    await page.goBack();
    await expectWallAt(community, toCommunity);
    await page.goBack();
    await expectWallAt(street, toStreet);
    await page.goBack();
    await expectWallAt(DISTRICT, district);
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await expectWallAt(grid, toGrid);

    // So does the breadcrumb, level by level.
    await page.locator(`.crumbs a[data-crumb="${community}"]`).click();
    await expectWallAt(community, toCommunity);
    await page.locator(`.crumbs a[data-crumb="${street}"]`).click();
    await expectWallAt(street, toStreet);
    await page.locator(`.crumbs a[data-crumb="${DISTRICT}"]`).click();
    await expectWallAt(DISTRICT, district);
  });

  it('goes down from the map to the street, the community and the grid clicked, no further, and straight back up to the district', async () => {
    await clickMapOf(DISTRICT);
    await eventually(scopeInAddress, (value) => expect(value).toMatch(/^street:450103\d{3}$/), WAIT);
    const street = scopeInAddress() ?? '';
    const toStreet = ['青秀区', await nameOf(street)];
    await expectWallAt(street, toStreet);

    await clickMapOf(street);
    await eventually(scopeInAddress, (value) => expect(value).toMatch(new RegExp(`^community:${street.slice('street:'.length)}\\d{3}$`)), WAIT);
    const community = scopeInAddress() ?? '';
    const toCommunity = [...toStreet, await nameOf(community)];
    await expectWallAt(community, toCommunity);

    // On a community the map's units are its grids: a click opens the grid.
    await clickMapOf(community);
    await eventually(scopeInAddress, (value) => expect(value).toMatch(new RegExp(`^grid:${community.slice('community:'.length)}\\d{3}$`)), WAIT);
    const grid = scopeInAddress() ?? '';
    const toGrid = [...toCommunity, await nameOf(grid)];
    await expectWallAt(grid, toGrid);

    // The grid's map shows the grid itself; a click on it stays put.
    await clickMapOf(grid);
    await page.waitForTimeout(1000);
    expect(scopeInAddress()).toBe(grid);
    expect((await crumbs()).length).toBe(4);

    await page.locator(`.crumbs a[data-crumb="${DISTRICT}"]`).click();
    await expectWallAt(DISTRICT, ['青秀区']);
    await page.goBack();
    await expectWallAt(grid, toGrid);
  });

  it('breaks no rule of the Content Security Policy', () => {
    expect(browserConsole.cspViolations()).toEqual([]);
  });
});
