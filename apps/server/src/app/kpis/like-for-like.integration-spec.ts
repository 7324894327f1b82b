import { kpiResponseSchema, snapshotSchema, type Report, type TicketEventInput } from '@grid-command/contracts';
import { addLocalDays, localDayOf, localInstant } from '@grid-command/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi as call, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../../testing/test-server';
import { KpiService } from './kpi.service';

const grids = demoGridCodes();
const DISTRICT = `district:${grids[0]?.slice(0, 6) ?? ''}`;
const TICKETS_PER_DAY = 12;

const report = (gridCode: string, reportedAt: Date): Report => ({
  id: randomUUID(),
  gridCode,
  category: 'noise',
  severity: 2,
  source: 'hotline_12345',
  reportedAt: reportedAt.toISOString(),
});

/** Dispatched, accepted and resolved, the resolution at `resolvedAt`. */
const closedAt = (reportedAt: Date, resolvedAt: Date): TicketEventInput[] => [
  { type: 'dispatched', at: new Date(reportedAt.getTime() + 10 * 60_000).toISOString(), department: '城管执法局' },
  { type: 'accepted', at: new Date(reportedAt.getTime() + 20 * 60_000).toISOString() },
  { type: 'resolved', at: resolvedAt.toISOString() },
];

/**
 * 环比 like with like, against tickets stored at known times through the real server. "Now" is 14:05 two days
 * ago (local), so every event, including the evening after, lies in the past. The day before that, half the
 * tickets were closed by 14:05 and the other half in the evening; on "today" half are closed by 14:05 and the
 * rest still open. The pace is the same: a comparison with the day before as it is now would show 100% against
 * 50%, a fall of 50 points that is only the clock.
 */
describe('KPI comparisons like with like (tickets at known times)', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let hotline: string;
  let leader: string;
  let zone: string;
  let now: Date;
  let at: (dayOffset: number, hour: number, minute?: number) => Date;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path);
    zone = server.config.timeZone;
    const today = localDayOf(new Date(), zone).date;
    at = (dayOffset, hour, minute = 0) => localInstant(addLocalDays(today, dayOffset), hour * 60 + minute, zone);
    now = at(-2, 14, 5);
    hotline = await server.credentials.ingestKey(DISTRICT);
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] });

    const lives: Array<{ report: Report; events: TicketEventInput[] }> = [];
    for (let index = 0; index < TICKETS_PER_DAY; index += 1) {
      const grid = grids[index % 4] ?? '';
      const earlier = report(grid, at(-3, 8, index));
      lives.push({ report: earlier, events: closedAt(new Date(earlier.reportedAt), index % 2 === 0 ? at(-3, 11, index) : at(-3, 19, index)) });
      const current = report(grid, at(-2, 8, index));
      lives.push({ report: current, events: index % 2 === 0 ? closedAt(new Date(current.reportedAt), at(-2, 11, index)) : [] });
    }
    // Four days back: the stored history reaches before the day compared with.
    const oldest = report(grids[0] ?? '', at(-4, 9));
    expect((await call(server, 'POST', '/api/v1/reports', [...lives.map((life) => life.report), oldest], hotline)).status).toBe(202);
    await until(async () => ((await call(server, 'GET', `/api/v1/tickets/${oldest.id}`, undefined, leader)).status === 200 ? true : undefined), 15_000, 'the reports');
    for (const life of lives) {
      if (life.events.length === 0) continue;
      await until(async () => ((await call(server, 'GET', `/api/v1/tickets/${life.report.id}`, undefined, leader)).status === 200 ? true : undefined), 15_000, 'a ticket');
      expect((await call(server, 'POST', `/api/v1/tickets/${life.report.id}/events`, life.events, hotline)).status).toBe(202);
    }
    // Events reach ClickHouse through the queue: wait until the last resolution is counted.
    await until(async () => {
      const kpis = await server.app.get(KpiService).kpis({ scope: DISTRICT, period: 'custom', from: addLocalDays(localDayOf(now, zone).date, -1), to: localDayOf(now, zone).date }, now);
      return kpis.current.resolved === TICKETS_PER_DAY + TICKETS_PER_DAY / 2 ? true : undefined;
    }, 20_000, 'the events to be stored');
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('compares today until 14:05 with yesterday as it stood at 14:05', async () => {
    const kpis = kpiResponseSchema.parse(await server.app.get(KpiService).kpis({ scope: DISTRICT, period: 'today' }, now));
    expect(kpis.current).toMatchObject({ reported: TICKETS_PER_DAY, closingRate: 0.5 });
    expect(kpis.previousComparison).toMatchObject({
      basis: 'same_point_same_age',
      range: { from: at(-3, 0).toISOString(), to: at(-3, 14, 5).toISOString() },
      asOf: at(-3, 14, 5).toISOString(),
    });
    // As it stood then: the evening's resolutions had not happened, so 50% against 50%, not against 100%.
    expect(kpis.previous).toMatchObject({ reported: TICKETS_PER_DAY, resolved: TICKETS_PER_DAY / 2, closingRate: 0.5 });
    expect(kpis.previousComparison.figures.closingRate).toEqual({ status: 'compared', baseline: 0.5 });
    expect(kpis.previousComparison.figures.reported).toEqual({ status: 'compared', baseline: TICKETS_PER_DAY });
    // Six resolutions a side is under the minimum for a median or a share of resolutions.
    expect(kpis.previousComparison.figures.onTimeRate).toEqual({ status: 'not_comparable', reason: 'too_few_tickets' });
    expect(kpis.lastYearComparison.figures.closingRate).toEqual({ status: 'not_comparable', reason: 'no_history' });
    expect(kpis.lastYear).toBeNull();
  });

  it('the same day read whole, now, has closed everything it reported', async () => {
    const day = localDayOf(at(-3, 12), zone).date;
    const whole = await server.app.get(KpiService).kpis({ scope: DISTRICT, period: 'custom', from: day, to: day }, now);
    expect(whole.current).toMatchObject({ reported: TICKETS_PER_DAY, closingRate: 1 });
  });

  it('says a period that has not begun compares nothing', async () => {
    const tomorrow = localDayOf(at(-1, 12), zone).date;
    const ahead = await server.app.get(KpiService).kpis({ scope: DISTRICT, period: 'custom', from: tomorrow, to: tomorrow }, now);
    expect(Object.values(ahead.previousComparison.figures).every((figure) => figure.status === 'not_comparable' && figure.reason === 'not_started')).toBe(true);
  });

  it('counts the same 受理量 as the live headline at the same moment, from the same stored reports', async () => {
    const fresh = Array.from({ length: 5 }, (_, index) => report(grids[index % 4] ?? '', new Date(Date.now() - (index + 1) * 60_000)));
    expect((await call(server, 'POST', '/api/v1/reports', fresh, hotline)).status).toBe(202);
    const last = fresh.at(-1) as Report;
    await until(async () => ((await call(server, 'GET', `/api/v1/tickets/${last.id}`, undefined, leader)).status === 200 ? true : undefined), 15_000, 'the fresh reports');
    const snapshot = snapshotSchema.parse((await call(server, 'GET', `/api/v1/snapshot?scope=${DISTRICT}`, undefined, leader)).body);
    const kpis = kpiResponseSchema.parse((await call(server, 'GET', `/api/v1/kpis?scope=${DISTRICT}&period=today`, undefined, leader)).body);
    // Both read the reports of the local day up to their moment; the wall's two figures differ only by when each was computed.
    expect(kpis.current.reported).toBe(snapshot.totals.reported);
    expect(kpis.current.reported).toBeGreaterThanOrEqual(fresh.length);
  });

  it('leaves a report stamped ahead of the server clock out of both until its time comes', async () => {
    const ahead = report(grids[1] ?? '', new Date(Date.now() + 90_000));
    expect((await call(server, 'POST', '/api/v1/reports', ahead, hotline)).status).toBe(202);
    await until(async () => ((await call(server, 'GET', `/api/v1/tickets/${ahead.id}`, undefined, leader)).status === 200 ? true : undefined), 15_000, 'the early report');
    const snapshot = snapshotSchema.parse((await call(server, 'GET', `/api/v1/snapshot?scope=${DISTRICT}`, undefined, leader)).body);
    const kpis = kpiResponseSchema.parse((await call(server, 'GET', `/api/v1/kpis?scope=${DISTRICT}&period=today`, undefined, leader)).body);
    expect(Date.parse(kpis.generatedAt)).toBeLessThan(Date.parse(ahead.reportedAt));
    expect(snapshot.totals.reported).toBe(kpis.current.reported);
  });
});
