import { TicketStore } from '@grid-command/clickhouse';
import {
  apiErrorSchema,
  kpiResponseSchema,
  ticketEventsAcceptedSchema,
  ticketViewSchema,
  type Report,
  type TicketEventInput,
} from '@grid-command/contracts';
import { ticketKey } from '@grid-command/queue';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REDIS_COMMANDS } from './infrastructure/tokens';
import { callApi as call, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

const grids = demoGridCodes();
const DISTRICT = `district:${grids[0]?.slice(0, 6) ?? ''}`;
// From one instant, so a setup that takes a while (users' passwords are hashed with argon2) shifts no figure.
const STARTED_AT = Date.now();
const minutesAgo = (minutes: number): string => new Date(STARTED_AT - minutes * 60_000).toISOString();

function report(gridCode: string, reportedAt: string): Report {
  return { id: randomUUID(), gridCode, category: 'noise', severity: 2, source: 'hotline_12345', reportedAt };
}

const event = (type: TicketEventInput['type'], at: string, extra: Partial<TicketEventInput> = {}): TicketEventInput => ({ type, at, ...extra });

describe('tickets over HTTP: workflow, errors, idempotency and KPIs', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  /** The district's 12345 hotline system, a duty officer who moves tickets, a second one racing them, a leader who reads. */
  let hotline: string;
  let officer: string;
  let otherOfficer: string;
  let leader: string;
  const reports = [report(grids[0] ?? '', minutesAgo(120)), report(grids[1] ?? '', minutesAgo(90)), report(grids[2] ?? '', minutesAgo(60))];
  const [first, second, third] = reports as [Report, Report, Report];
  const events = (path: string, body: unknown, token = officer) => call(server, 'POST', `/api/v1/tickets/${path}/events`, body, token);
  const read = (path: string) => call(server, 'GET', path, undefined, leader);

  beforeAll(async () => {
    server = await startTestServer(dataDir.path);
    hotline = await server.credentials.ingestKey(DISTRICT);
    officer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] });
    otherOfficer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] });
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] });
    expect((await call(server, 'POST', '/api/v1/reports', reports, hotline)).status).toBe(202);
    // A report just accepted is a ticket at once: answered 503 ticket_pending until stored, then 200.
    await until(async () => {
      const answer = await read(`/api/v1/tickets/${third.id}`);
      if (answer.status === 503) expect(answer.body['error']).toBe('ticket_pending');
      return answer.status === 200 ? answer : undefined;
    }, 15_000, 'the reports to be stored');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('a stored report is a ticket in state reported with both deadlines', async () => {
    const answer = await read(`/api/v1/tickets/${first.id}`);
    const view = ticketViewSchema.parse(answer.body);
    expect(view.ticket).toMatchObject({ id: first.id, state: 'reported', version: 0 });
    expect(Date.parse(view.ticket.dispatchDueAt)).toBe(Date.parse(first.reportedAt) + 30 * 60_000);
    expect(view.history).toEqual([]);
  });

  it('plays a whole life in one request and answers 202 with every event', async () => {
    const life = [
      event('dispatched', minutesAgo(110), { department: '城管执法局' }),
      event('accepted', minutesAgo(100)),
      event('resolved', minutesAgo(50)),
      event('verified', minutesAgo(40), { satisfaction: 'satisfied' }),
    ];
    const answer = await events(first.id, life, hotline);
    expect(answer.status).toBe(202);
    const accepted = ticketEventsAcceptedSchema.parse(answer.body);
    expect(accepted).toMatchObject({ recorded: 4, duplicates: 0 });
    expect(accepted.events.map((one) => [one.seq, one.type, one.stateAfter])).toEqual([
      [1, 'dispatched', 'dispatched'],
      [2, 'accepted', 'accepted'],
      [3, 'resolved', 'resolved'],
      [4, 'verified', 'verified'],
    ]);
    expect(accepted.ticket).toMatchObject({ state: 'verified', satisfaction: 'satisfied', resolvedOnTime: true, department: '城管执法局' });

    const again = await events(first.id, life[2], hotline);
    expect(again.status).toBe(200);
    expect(ticketEventsAcceptedSchema.parse(again.body)).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(ticketEventsAcceptedSchema.parse(again.body).events[0]?.id).toBe(accepted.events[2]?.id);

    const view = ticketViewSchema.parse((await read(`/api/v1/tickets/${first.id}`)).body);
    expect(view.history.map((one) => one.type)).toEqual(['dispatched', 'accepted', 'resolved', 'verified']);
    // Recorded under the hotline key's name, whatever name its operator might have typed.
    const hotlineName = (await call(server, 'GET', '/api/v1/auth/me', undefined, hotline)).body['name'];
    expect(new Set(view.history.map((one) => one.actor))).toEqual(new Set([hotlineName]));
    const typedActor = await events(first.id, { ...event('reopened', minutesAgo(35)), actor: '值班长' }, hotline);
    expect(typedActor.status).toBe(400);
    expect(apiErrorSchema.parse(typedActor.body).issues?.map((issue) => issue.path)).toContain('actor');
  });

  it('refuses an illegal transition with 409 and the current state, writing nothing', async () => {
    const answer = await events(second.id, event('resolved', minutesAgo(80)));
    expect(answer.status).toBe(409);
    expect(apiErrorSchema.parse(answer.body)).toMatchObject({ error: 'illegal_transition', currentState: 'reported' });
    expect(String(answer.body['message'])).toContain('dispatched, escalated');
    // All or none: the legal dispatch before the illegal step is not kept either.
    const mixed = await events(second.id, [event('dispatched', minutesAgo(85), { department: '住建局' }), event('verified', minutesAgo(84), { satisfaction: 'satisfied' })]);
    expect(mixed.status).toBe(409);
    expect(mixed.body['currentState']).toBe('dispatched');
    expect(ticketViewSchema.parse((await read(`/api/v1/tickets/${second.id}`)).body).ticket.state).toBe('reported');
  });

  it('answers 404 for an unknown ticket and 400 for a malformed id', async () => {
    const unknown = await events(randomUUID(), event('dispatched', minutesAgo(1), { department: '城管' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body['error']).toBe('not_found');
    expect((await read(`/api/v1/tickets/${randomUUID()}`)).status).toBe(404);
    const malformed = await read('/api/v1/tickets/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(String(malformed.body['message'])).toMatch(/^id:/);
  });

  it('names the field of a bad event: 400 for the shape, 422 for a time the ticket cannot take', async () => {
    const noDepartment = await events(second.id, event('dispatched', minutesAgo(80)));
    expect(noDepartment.status).toBe(400);
    expect(apiErrorSchema.parse(noDepartment.body).issues).toEqual([{ index: 0, path: 'department', message: 'a dispatch names the department that must act' }]);

    const unknownType = await events(second.id, { ...event('dispatched', minutesAgo(80), { department: '城管' }), type: 'teleported' });
    expect(unknownType.status).toBe(400);
    expect(apiErrorSchema.parse(unknownType.body).issues?.[0]?.path).toBe('type');

    const beforeReport = await events(second.id, event('dispatched', minutesAgo(100), { department: '城管' }));
    expect(beforeReport.status).toBe(422);
    expect(apiErrorSchema.parse(beforeReport.body)).toMatchObject({ error: 'invalid_event', issues: [{ index: 0, path: 'at' }] });

    const future = await events(second.id, event('dispatched', new Date(Date.now() + 3_600_000).toISOString(), { department: '城管' }));
    expect(future.status).toBe(422);

    const notJson = await fetch(`${server.baseUrl}/api/v1/tickets/${second.id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('two officers acting at once: exactly one wins, the other gets 409 with the new state', async () => {
    expect((await events(second.id, event('dispatched', minutesAgo(80), { department: '住建局' }))).status).toBe(202);
    const [one, two] = await Promise.all([events(second.id, event('accepted', minutesAgo(70))), events(second.id, event('accepted', minutesAgo(69)), otherOfficer)]);
    expect([one.status, two.status].sort()).toEqual([202, 409]);
    expect([one, two].find((answer) => answer.status === 409)?.body['currentState']).toBe('accepted');
  });

  it('suspension pauses the clock and is in the history', async () => {
    await events(third.id, event('dispatched', minutesAgo(55), { department: '生态环境局' }));
    const suspended = ticketEventsAcceptedSchema.parse((await events(third.id, event('suspended', minutesAgo(50), { note: '等待检测报告' }))).body);
    expect(suspended.ticket).toMatchObject({ state: 'suspended', dueAt: null });
    const resumed = ticketEventsAcceptedSchema.parse((await events(third.id, event('resumed', minutesAgo(20)))).body);
    expect(resumed.ticket.state).toBe('dispatched');
    expect(resumed.ticket.suspendedMinutes).toBeCloseTo(30, 1);
    const view = ticketViewSchema.parse((await call(server, 'GET', `/api/v1/tickets/${third.id}`, undefined, officer)).body);
    expect(view.history.map((one) => [one.type, one.note])).toEqual([
      ['dispatched', null],
      ['suspended', '等待检测报告'],
      ['resumed', null],
    ]);
  });

  it('stores every recorded event in ClickHouse once, and the KPIs count them', async () => {
    const store = server.app.get(TicketStore);
    const stored = await until(async () => {
      const histories = await Promise.all(reports.map((one) => store.history(one.id)));
      return histories.map((history) => history.length).join(',') === '4,2,3' ? histories : undefined;
    }, 15_000, 'events in ClickHouse');
    expect(stored[0]?.map((one) => one.type)).toEqual(['dispatched', 'accepted', 'resolved', 'verified']);

    // Whole local days around the tickets, so the figures hold across midnight in Asia/Shanghai.
    const day = (offset: number): string => new Date(Date.now() + (8 * 60 + offset * 24 * 60) * 60_000).toISOString().slice(0, 10);
    const answer = await read(`/api/v1/kpis?scope=${DISTRICT}&period=custom&from=${day(-1)}&to=${day(0)}`);
    expect(answer.status).toBe(200);
    const kpis = kpiResponseSchema.parse(answer.body);
    expect(kpis.current).toMatchObject({
      reported: 3,
      dispatched: 3,
      resolved: 1,
      resolvedOnTime: 1,
      onTimeRate: 1,
      verified: 1,
      satisfied: 1,
      satisfactionRate: 1,
      reopened: 0,
    });
    expect(kpis.current.closingRate).toBeCloseTo(1 / 3, 12);
    expect(kpis.current.timeToResolve.count).toBe(1);
    expect(kpis.current.timeToResolve.medianMinutes).toBeCloseTo(70, 1);
    expect(kpis.ranking?.level).toBe('street');
    expect(kpis.ranking?.ranked).toEqual([]);
    expect(kpis.ranking?.unranked.reduce((sum, unit) => sum + unit.reported, 0)).toBe(3);
    expect(kpis.resolveDistribution.reduce((sum, bucket) => sum + bucket.tickets, 0)).toBe(1);
    expect(kpis.previous).toBeNull();
  });

  it("ranks a community's grids, every one of them, and has nothing below a grid to rank", async () => {
    const day = (offset: number): string => new Date(Date.now() + (8 * 60 + offset * 24 * 60) * 60_000).toISOString().slice(0, 10);
    const communityCode = (grids[0] ?? '').slice(0, 12);
    const communityKpis = kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=community:${communityCode}&period=custom&from=${day(-1)}&to=${day(0)}`)).body);
    const units = [...(communityKpis.ranking?.ranked ?? []), ...(communityKpis.ranking?.unranked ?? [])];
    expect(communityKpis.ranking?.level).toBe('grid');
    expect(units.map((unit) => unit.scope).sort()).toEqual(grids.filter((grid) => grid.startsWith(communityCode)).map((grid) => `grid:${grid}`));
    expect(units.reduce((sum, unit) => sum + unit.reported, 0)).toBe(3);

    const gridKpis = kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=grid:${grids[0] ?? ''}&period=custom&from=${day(-1)}&to=${day(0)}`)).body);
    expect(gridKpis.current.reported).toBe(1);
    expect(gridKpis.ranking).toBeNull();
  });

  it('rebuilds a ticket whose Redis record expired from ClickHouse, and carries on from there', async () => {
    const before = ticketViewSchema.parse((await read(`/api/v1/tickets/${first.id}`)).body);
    await server.app.get<Redis>(REDIS_COMMANDS).del(ticketKey(first.id));
    const rebuilt = ticketViewSchema.parse((await read(`/api/v1/tickets/${first.id}`)).body);
    expect(rebuilt).toEqual(before);
    const reopened = await events(first.id, event('reopened', minutesAgo(30), { note: '噪音仍在' }), hotline);
    expect(reopened.status).toBe(202);
    expect(ticketEventsAcceptedSchema.parse(reopened.body).events[0]).toMatchObject({ seq: 5, stateBefore: 'verified', stateAfter: 'reopened' });
    expect(ticketEventsAcceptedSchema.parse(reopened.body).ticket.reopenCount).toBe(1);
  });

  it('compares with a previous period only once the stored history covers it', async () => {
    const todayBefore = kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=${DISTRICT}&period=today`)).body);
    expect(todayBefore.previous).toBeNull();
    const old = report(grids[3] ?? '', minutesAgo(3 * 24 * 60));
    expect((await call(server, 'POST', '/api/v1/reports', old, hotline)).status).toBe(202);
    await until(async () => ((await read(`/api/v1/tickets/${old.id}`)).status === 200 ? true : undefined), 15_000, 'the old report');
    const todayAfter = kpiResponseSchema.parse((await read(`/api/v1/kpis?scope=${DISTRICT}&period=today`)).body);
    expect(todayAfter.previous).not.toBeNull();
    expect(todayAfter.lastYear).toBeNull();
  });

  it('rejects bad KPI queries naming the parameter', async () => {
    const badPeriod = await read(`/api/v1/kpis?scope=${DISTRICT}&period=decade`);
    expect(badPeriod.status).toBe(400);
    expect(String(badPeriod.body['message'])).toMatch(/^period:/);
    const customWithoutDates = await read(`/api/v1/kpis?scope=${DISTRICT}&period=custom`);
    expect(customWithoutDates.status).toBe(400);
    expect(apiErrorSchema.parse(customWithoutDates.body).issues?.map((issue) => issue.path)).toEqual(['from', 'to']);
    // A district that is not loaded lies outside this leader's grants, so it is refused before it is looked up.
    expect((await read('/api/v1/kpis?scope=district:999999')).status).toBe(403);
    const custom = await read(`/api/v1/kpis?scope=${DISTRICT}&period=custom&from=2026-01-01&to=2026-01-31`);
    expect(custom.status).toBe(200);
    expect(kpiResponseSchema.parse(custom.body).current.reported).toBe(0);
  });
});
