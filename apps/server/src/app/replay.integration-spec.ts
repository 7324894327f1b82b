import { apiErrorSchema, kpiResponseSchema, snapshotSchema, type Report, type TicketEventInput } from '@grid-command/contracts';
import { startOfDay } from '@grid-command/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi as call, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

const ZONE = 'Asia/Shanghai';
const grids = demoGridCodes();
const DISTRICT = `district:${grids[0]?.slice(0, 6) ?? ''}`;
const MINUTE = 60_000;
/** Yesterday's morning in the deployment's zone: every time below is "HH:MM of that morning". */
const MORNING = startOfDay(new Date(Date.now() - 86_400_000), ZONE).getTime();
const at = (hours: number, minutes: number, seconds = 0): string => new Date(MORNING + (hours * 60 + minutes) * MINUTE + seconds * 1000).toISOString();

const report = (gridCode: string, reportedAt: string): Report => ({ id: randomUUID(), gridCode, category: 'noise', severity: 2, source: 'hotline_12345', reportedAt });

describe('replay: the snapshot and the KPIs as they stood at ?at=', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let leader: string;
  const early = report(grids[0] ?? '', at(7, 50));
  const middle = report(grids[1] ?? '', at(8, 5, 30));
  const late = report(grids[2] ?? '', at(8, 20));
  const today = report(grids[0] ?? '', new Date(Date.now() - 5 * MINUTE).toISOString());
  const read = async (path: string) => call(server, 'GET', path, undefined, leader);
  const snapshotAt = async (instant: string) => snapshotSchema.parse((await read(`/api/v1/snapshot?scope=${DISTRICT}&at=${encodeURIComponent(instant)}`)).body);
  const kpisAt = async (instant: string) => kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=${DISTRICT}&period=today&at=${encodeURIComponent(instant)}`)).body);

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { APP_TIMEZONE: ZONE });
    const hotline = await server.credentials.ingestKey(DISTRICT);
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] });
    expect((await call(server, 'POST', '/api/v1/reports', [early, middle, late, today], hotline)).status).toBe(202);
    await until(async () => ((await read(`/api/v1/tickets/${today.id}`)).status === 200 ? true : undefined), 15_000, 'the reports to be stored');
    // The 07:50 report's ticket: dispatched 07:55, accepted 08:00, resolved 08:30 (before its deadline).
    const life: TicketEventInput[] = [
      { type: 'dispatched', at: at(7, 55), department: '城管执法局' },
      { type: 'accepted', at: at(8, 0) },
      { type: 'resolved', at: at(8, 30) },
    ];
    expect((await call(server, 'POST', `/api/v1/tickets/${early.id}/events`, life, hotline)).status).toBe(202);
    // Events reach ClickHouse through the queue: wait until the live figures of that day (not a replay) hold them.
    const day = new Date(MORNING + 12 * 3_600_000).toLocaleDateString('sv-SE', { timeZone: ZONE });
    await until(async () => {
      const live = kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=${DISTRICT}&period=custom&from=${day}&to=${day}`)).body);
      return live.current.resolved === 1 ? true : undefined;
    }, 20_000, 'the ticket events to be stored');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('the snapshot at 08:10 counts that morning up to 08:10 only, with its windows ending then', async () => {
    const snapshot = await snapshotAt(at(8, 10));
    expect(snapshot.asOf).toBe(at(8, 10));
    expect(snapshot.totals).toMatchObject({ reported: 2, lastHour: 2, activeGrids: 2 });
    expect(snapshot.trend.at(-1)?.minute).toBe(at(8, 10));
    expect(snapshot.trend.filter((minute) => minute.count > 0).map((minute) => minute.minute)).toEqual([at(7, 50), at(8, 5)]);
    expect(snapshot.watermark).toBe(middle.reportedAt);
  });

  it('in the minute of the report, counts it only from its second on; later, counts the whole morning', async () => {
    expect((await snapshotAt(at(8, 5, 10))).totals.reported).toBe(1);
    expect((await snapshotAt(at(8, 5, 30))).totals.reported).toBe(2);
    expect((await snapshotAt(at(8, 25))).totals.reported).toBe(3);
    // Today's live snapshot does not hold yesterday's morning, only today's report.
    expect(snapshotSchema.parse((await read(`/api/v1/snapshot?scope=${DISTRICT}`)).body).totals.reported).toBe(1);
  });

  it('the KPIs at 08:10 see the ticket dispatched and not yet resolved; at 08:40, resolved', async () => {
    const before = await kpisAt(at(8, 10));
    expect(before.generatedAt).toBe(at(8, 10));
    expect(before.range.from).toBe(new Date(MORNING).toISOString());
    expect(before.current).toMatchObject({ reported: 2, dispatched: 1, resolved: 0, closingRate: 0 });
    expect(before.current.timeToDispatch).toEqual({ count: 1, medianMinutes: 5, p90Minutes: 5 });

    const after = await kpisAt(at(8, 40));
    expect(after.current).toMatchObject({ reported: 3, dispatched: 1, resolved: 1, resolvedOnTime: 1, closingRate: 1 / 3 });
    expect(after.current.timeToResolve).toEqual({ count: 1, medianMinutes: 40, p90Minutes: 40 });
    // Live, the same ticket is resolved too, but yesterday is not today.
    expect(kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=${DISTRICT}&period=today`)).body).current.reported).toBe(1);
  });

  it('overdue at an instant is judged by the deadlines and states of that instant', async () => {
    // The 08:05 report was never dispatched: overdue for dispatch is not what overdueNow counts (resolution deadline, days away).
    expect((await kpisAt(at(8, 40))).overdueNow).toBe(0);
  });

  it.each([
    ['the future', new Date(Date.now() + 3_600_000).toISOString(), 'future'],
    ['before the day the history begins', at(-24, 0), 'before'],
    ['without an offset', '2026-11-30T08:00:00', 'offset'],
  ])('refuses an at in %s with 400 naming at, on both routes', async (_label, instant, said) => {
    for (const path of [`/api/v1/snapshot?scope=${DISTRICT}`, `/api/v1/kpis?scope=${DISTRICT}`]) {
      const answer = await read(`${path}&at=${encodeURIComponent(instant)}`);
      expect(answer.status).toBe(400);
      const error = apiErrorSchema.parse(answer.body);
      expect(error.message.startsWith('at: ')).toBe(true);
      expect(error.message).toContain(said);
    }
  });
});
