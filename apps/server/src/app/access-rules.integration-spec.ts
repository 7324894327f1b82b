import {
  alertDetailSchema,
  alertMuteSchema,
  apiErrorSchema,
  ticketViewSchema,
  type Alert,
  type Report,
} from '@grid-command/contracts';
import { MASKS, MUTE_LIMITS } from '@grid-command/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi as call, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

const grids = demoGridCodes();
const DISTRICT = `district:${grids[0]?.slice(0, 6) ?? ''}`;
const [STREET_A, STREET_B] = [...new Set(grids.map((grid) => grid.slice(0, 9)))] as [string, string];
const [GRID_A] = grids.filter((grid) => grid.startsWith(STREET_A)) as [string];
const RESIDENT_TEXT = '张先生（13812345678）反映3栋2单元401楼上漏水，12月3号起已持续3天';
const OFFICER_NOTE = '居民电话0771-5551234，约好明早9点上门';

/**
 * What the policy table cannot say by itself: the scope of a loaded alert, ticket or mute, lists narrowed to the
 * grants, mutes that reach every district, the mute limits, residents' text masked for readers, and the actor
 * taken from the credential rather than the body. The matrix (authorisation-matrix.integration-spec.ts) covers
 * every route × principal.
 */
describe('access rules that depend on the resource: scopes, mutes, personal data, actors', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let hotlineA: string;
  let hotlineB: string;
  let officerA: string;
  let officerB: string;
  let districtOfficer: string;
  let leaderA: string;
  let wallA: string;
  let admin: string;
  let critical: Report;
  let alert: Alert;

  const get = (path: string, token: string) => call(server, 'GET', path, undefined, token);

  beforeAll(async () => {
    server = await startTestServer(data.path);
    [hotlineA, hotlineB, officerA, officerB, districtOfficer, leaderA, wallA, admin] = await Promise.all([
      server.credentials.ingestKey(`street:${STREET_A}`),
      server.credentials.ingestKey(`street:${STREET_B}`),
      server.credentials.userToken({ roles: ['duty_officer'], scopes: [`street:${STREET_A}`] }),
      server.credentials.userToken({ roles: ['duty_officer'], scopes: [`street:${STREET_B}`] }),
      server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] }),
      server.credentials.userToken({ roles: ['leader'], scopes: [`street:${STREET_A}`] }),
      server.credentials.displayToken(`street:${STREET_A}`).then((wall) => wall.token),
      server.credentials.adminToken(),
    ]);
    critical = {
      id: randomUUID(),
      gridCode: GRID_A,
      category: 'public_security',
      severity: 4,
      source: 'hotline_12345',
      reportedAt: new Date(Date.now() - 60_000).toISOString(),
      description: RESIDENT_TEXT,
    };
    expect((await call(server, 'POST', '/api/v1/reports', critical, hotlineA)).status).toBe(202);
    await until(async () => ((await get(`/api/v1/tickets/${critical.id}`, officerA)).status === 200 ? true : undefined), 15_000, 'the report stored');
    alert = await until(
      async () => {
        const detail = await get(`/api/v1/alerts?scope=grid:${GRID_A}`, officerA);
        return (detail.body['alerts'] as Alert[] | undefined)?.[0];
      },
      10_000,
      'the critical alert',
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  describe('a loaded resource is checked against its own scope', () => {
    it('answers an alert to the officer of its street and 403 to another street, 404 to both for an unknown id', async () => {
      expect((await get(`/api/v1/alerts/${alert.id}`, officerA)).status).toBe(200);
      const refused = await get(`/api/v1/alerts/${alert.id}`, officerB);
      expect(refused.status).toBe(403);
      expect(apiErrorSchema.parse(refused.body).error).toBe('forbidden');
      for (const token of [officerA, officerB]) expect((await get(`/api/v1/alerts/${randomUUID()}`, token)).status).toBe(404);
    });

    it('refuses an action on an alert of another street and leaves the alert as it was', async () => {
      const refused = await call(server, 'POST', `/api/v1/alerts/${alert.id}/actions`, { action: 'acknowledge' }, officerB);
      expect(refused.status).toBe(403);
      expect(alertDetailSchema.parse((await get(`/api/v1/alerts/${alert.id}`, officerA)).body).alert.version).toBe(alert.version);
      expect((await call(server, 'POST', `/api/v1/alerts/${randomUUID()}/actions`, { action: 'acknowledge' }, officerB)).status).toBe(404);
    });

    it('answers a ticket within its grid only, to readers and to source systems recording events', async () => {
      expect((await get(`/api/v1/tickets/${critical.id}`, officerB)).status).toBe(403);
      expect((await get(`/api/v1/tickets/${randomUUID()}`, officerB)).status).toBe(404);
      const event = { type: 'dispatched', at: new Date().toISOString(), department: '城管执法局' };
      expect((await call(server, 'POST', `/api/v1/tickets/${critical.id}/events`, event, officerB)).status).toBe(403);
      expect((await call(server, 'POST', `/api/v1/tickets/${critical.id}/events`, event, hotlineB)).status).toBe(403);
      expect(ticketViewSchema.parse((await get(`/api/v1/tickets/${critical.id}`, officerA)).body).history).toEqual([]);
    });

    it('refuses a batch body without a valid credential before reading it', async () => {
      // Three megabytes that are not JSON: read, they would answer 400 invalid_body; unread, 401.
      const megabytes = '['.padEnd(3 * 1024 * 1024, 'x');
      const post = (authorization?: string) =>
        fetch(`${server.baseUrl}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: megabytes,
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
      expect(await post()).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
      expect(await post('Bearer gck_not-a-key-of-this-deployment')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
      expect(await post(`Bearer ${hotlineA}`)).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    });

    it('lists alerts of a scope within the grants only', async () => {
      expect((await get(`/api/v1/alerts?scope=street:${STREET_A}`, officerA)).status).toBe(200);
      expect((await get(`/api/v1/alerts?scope=${DISTRICT}`, officerA)).status).toBe(403);
    });
  });

  describe("residents' free text", () => {
    it('reaches a duty officer in scope as written, and a leader or a wall masked', async () => {
      const description = async (token: string) => alertDetailSchema.parse((await get(`/api/v1/alerts/${alert.id}`, token)).body).reports[0]?.description;
      expect(await description(officerA)).toBe(RESIDENT_TEXT);
      const masked = `张先生（${MASKS.phone}）反映${MASKS.houseNumber}楼上漏水，12月3号起已持续3天`;
      expect(await description(leaderA)).toBe(masked);
      expect(await description(wallA)).toBe(masked);
    });

    it("masks a ticket's notes for a leader, and keeps them for the officer", async () => {
      const event = { type: 'dispatched', at: new Date().toISOString(), department: '城管执法局', note: OFFICER_NOTE };
      expect((await call(server, 'POST', `/api/v1/tickets/${critical.id}/events`, event, officerA)).status).toBe(202);
      const note = async (token: string) => ticketViewSchema.parse((await get(`/api/v1/tickets/${critical.id}`, token)).body).history.at(-1)?.note;
      expect(await note(officerA)).toBe(OFFICER_NOTE);
      expect(await note(leaderA)).toBe(`居民电话${MASKS.phone}，约好明早9点上门`);
    });
  });

  describe('mutes', () => {
    const mute = (body: Record<string, unknown>, token: string) => call(server, 'POST', '/api/v1/alert-mutes', { minutes: 30, reason: '检修', ...body }, token);

    it('records the principal as who muted, and refuses a typed name', async () => {
      const typed = await mute({ ruleId: 'noise-spike', scope: `street:${STREET_A}`, by: '值班长' }, officerA);
      expect(typed.status).toBe(400);
      expect(apiErrorSchema.parse(typed.body).issues?.map((issue) => issue.path)).toContain('by');
      const created = alertMuteSchema.parse((await mute({ ruleId: 'noise-spike', scope: `street:${STREET_A}` }, officerA)).body);
      const me = await get('/api/v1/auth/me', officerA);
      expect(created.by).toBe(me.body['name']);
    });

    it('lists, without a scope, only the mutes touching the grants', async () => {
      const ownStreet = (token: string) => get('/api/v1/alert-mutes', token).then((answer) => (answer.body['mutes'] as Array<{ scope: string | null }>).map((one) => one.scope));
      expect(await ownStreet(officerA)).toContain(`street:${STREET_A}`);
      expect(await ownStreet(officerB)).not.toContain(`street:${STREET_A}`);
    });

    it('lets only grants covering every district mute a rule everywhere', async () => {
      const street = await mute({ ruleId: 'community-spike' }, officerA);
      expect(street.status).toBe(403);
      expect(String(street.body['message'])).toContain('without a scope');
      const everywhere = await mute({ ruleId: 'community-spike' }, districtOfficer);
      expect(everywhere.status).toBe(201);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${String(everywhere.body['id'])}`, undefined, officerA)).status).toBe(403);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${String(everywhere.body['id'])}`, undefined, districtOfficer)).status).toBe(204);
    });

    it('refuses a mute of every rule for a whole district to anyone but an admin', async () => {
      const officer = await mute({ scope: DISTRICT }, districtOfficer);
      expect(officer.status).toBe(403);
      expect(String(officer.body['message'])).toContain('needs the admin role');
      const byAdmin = await mute({ scope: DISTRICT }, admin);
      expect(byAdmin.status).toBe(201);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${String(byAdmin.body['id'])}`, undefined, admin)).status).toBe(204);
    });

    it("removes a mute within the grants only; an unknown one is 404 to anyone", async () => {
      const created = alertMuteSchema.parse((await mute({ ruleId: 'critical-report', scope: `grid:${GRID_A}` }, districtOfficer)).body);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${created.id}`, undefined, officerB)).status).toBe(403);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${randomUUID()}`, undefined, officerB)).status).toBe(404);
      expect((await call(server, 'DELETE', `/api/v1/alert-mutes/${created.id}`, undefined, officerA)).status).toBe(204);
    });

    it(`holds one principal to ${MUTE_LIMITS.activePerPrincipal} active mutes, with Retry-After, while others still may`, async () => {
      const held = (await get('/api/v1/alert-mutes', officerA)).body['mutes'] as Array<{ by: string }>;
      const name = String((await get('/api/v1/auth/me', officerA)).body['name']);
      const room = MUTE_LIMITS.activePerPrincipal - held.filter((one) => one.by === name).length;
      for (let index = 0; index < room; index += 1) {
        expect((await mute({ ruleId: 'noise-spike', scope: `street:${STREET_A}` }, officerA)).status).toBe(201);
      }
      const refused = await fetch(`${server.baseUrl}/api/v1/alert-mutes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officerA}` },
        body: JSON.stringify({ ruleId: 'noise-spike', scope: `street:${STREET_A}`, minutes: 30, reason: '检修' }),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const error = apiErrorSchema.parse(await refused.json());
      expect(error).toMatchObject({ error: 'limit_reached', message: expect.stringContaining(`limit per principal (${MUTE_LIMITS.activePerPrincipal})`) });
      expect((await mute({ ruleId: 'noise-spike', scope: `street:${STREET_A}` }, districtOfficer)).status).toBe(201);
    });

    it('counts concurrent requests of one principal one at a time', async () => {
      const officer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [`street:${STREET_B}`] });
      const answers = await Promise.all(
        Array.from({ length: MUTE_LIMITS.activePerPrincipal + 5 }, () => mute({ ruleId: 'noise-spike', scope: `street:${STREET_B}` }, officer)),
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(MUTE_LIMITS.activePerPrincipal);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(5);
    });
  });
});
