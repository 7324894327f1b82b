import { wallFleetSchema, type WallCommand, type WallHealthAck } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { connectLive, type LiveClient } from '../../testing/live-client';
import { callApi, startTestServer, tempDataDir, until, type RunningServer } from '../../testing/test-server';
import { exampleWallHealth } from '../../testing/wall-health-example';

const STREET = 'street:450103001';
const OTHER_STREET = 'street:450103002';

describe('the wall fleet: health reports in, the walls list and commands out', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let operator: string;
  let admin: string;
  const opened: LiveClient[] = [];

  /** A wall on a display token of `scope` that reported once; what it is told arrives in `commands`. */
  const wall = async (scope: string, label: string | null = null) => {
    const socket = await connectLive(server, (await server.credentials.displayToken(scope)).token);
    opened.push(socket);
    const commands: WallCommand[] = [];
    socket.on('wallCommand', (command) => commands.push(command));
    const health = exampleWallHealth(scope, { label });
    const ack: WallHealthAck = await socket.emitWithAck('reportWallHealth', health);
    return { socket, commands, health, ack };
  };
  const send = (wallId: string, command: unknown, token: string) => callApi(server, 'POST', `/api/v1/ops/walls/${wallId}/commands`, command, token);

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { WALL_QUIET_HOURS: '02:30-04:00', WALL_MIN_FPS: '8' });
    operator = await server.credentials.userToken({ roles: ['operator'], scopes: ['district:450103'] });
    admin = await server.credentials.adminToken();
  });

  afterAll(async () => {
    for (const socket of opened) socket.close();
    await server?.close();
    dataDir.remove();
  });

  it('answers a report with the configured bounds and lists the wall, named, for an operator', async () => {
    const { health, ack } = await wall(STREET, '大厅左屏');
    expect(ack).toEqual({ ok: true, policy: { heapLimitMb: 512, heapHardLimitMb: 1024, heapGrowthMbPerHour: 64, minFps: 8, quietHours: { start: '02:30', end: '04:00' }, timeZone: 'Asia/Shanghai' } });
    const answer = await callApi(server, 'GET', '/api/v1/ops/walls', undefined, operator);
    expect(answer.status).toBe(200);
    const fleet = wallFleetSchema.parse(answer.body);
    const listed = fleet.walls.find((entry) => entry.health.wallId === health.wallId);
    expect(listed).toMatchObject({ health: { label: '大厅左屏', scope: STREET, heapUsedMb: 48.5 }, ownerKind: 'display_token', stale: false });
    expect(listed?.scope.name).not.toContain(STREET);
  });

  it('delivers an operator’s command to that wall only, answers 202 and audits it under the operator', async () => {
    const target = await wall(STREET);
    const bystander = await wall(STREET);
    const answer = await send(target.health.wallId.toUpperCase(), { kind: 'reload' }, operator);
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 202, body: { wallId: target.health.wallId, command: { kind: 'reload' } } });
    await until(async () => (target.commands.length > 0 ? true : undefined), 5_000, 'the command at the wall');
    expect(target.commands).toEqual([{ kind: 'reload' }]);
    expect(bystander.commands).toEqual([]);
    // The audit trail is written through an outbox: it shows the command once that has drained.
    const entry = await until(async () => {
      const audit = await callApi(server, 'GET', '/api/v1/audit?action=wall.command', undefined, admin);
      return (audit.body['entries'] as Array<{ target: string; actor: { name: string } }>).find((logged) => logged.target === target.health.wallId);
    }, 10_000, 'the audited command');
    expect(entry.actor.name).toMatch(/\S/);
  });

  it('lets a duty officer switch or pause a wall of their scope, not reload it, and not see a wall elsewhere', async () => {
    const ours = await wall(STREET);
    const theirs = await wall(OTHER_STREET);
    const officer = await server.credentials.userToken({ roles: ['duty_officer'], scopes: [STREET] });
    const fleet = wallFleetSchema.parse((await callApi(server, 'GET', '/api/v1/ops/walls', undefined, officer)).body);
    expect(fleet.walls.every((entry) => entry.health.scope === STREET)).toBe(true);
    expect(fleet.walls.map((entry) => entry.health.wallId)).toContain(ours.health.wallId);

    expect((await send(ours.health.wallId, { kind: 'pause' }, officer)).status).toBe(202);
    expect((await send(ours.health.wallId, { kind: 'show', layout: 'leader-wall', scope: `${STREET.replace('street', 'community')}001` }, officer)).status).toBe(202);
    expect((await send(ours.health.wallId, { kind: 'show', layout: 'leader-wall', scope: 'district:450103' }, officer)).status).toBe(403);
    expect((await send(ours.health.wallId, { kind: 'reload' }, officer)).status).toBe(403);
    expect((await send(theirs.health.wallId, { kind: 'pause' }, officer)).status).toBe(404);
    await until(async () => (ours.commands.length >= 2 ? true : undefined), 5_000, 'both commands at the wall');
    expect(ours.commands.map((command) => command.kind)).toEqual(['pause', 'show']);
    expect(theirs.commands).toEqual([]);
  });

  it('answers 404 once the wall has disconnected, and for a wall that never reported', async () => {
    const gone = await wall(STREET);
    gone.socket.close();
    await until(async () => ((await send(gone.health.wallId, { kind: 'pause' }, operator)).status === 404 ? true : undefined), 5_000, 'the wall forgotten');
    expect((await send(randomUUID(), { kind: 'pause' }, operator)).status).toBe(404);
  });

  it('refuses a report on a scope outside the wall’s grants', async () => {
    const socket = await connectLive(server, (await server.credentials.displayToken(STREET)).token);
    opened.push(socket);
    expect(await socket.emitWithAck('reportWallHealth', exampleWallHealth(OTHER_STREET))).toMatchObject({ ok: false, error: 'forbidden' });
  });
});
