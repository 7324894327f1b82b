import { randomUUID } from 'node:crypto';
import type { WallHealth } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../../testing/temp-redis';
import { subscribeWallCommands, WallFleet, type WallCommandMessage } from './wall-fleet';

const health = (wallId: string): WallHealth => ({
  wallId,
  label: null,
  layout: 'leader-wall',
  revision: null,
  scope: 'district:450103',
  playlist: null,
  heapUsedMb: 42,
  framesPerSecond: 60,
  socket: 'live',
  dataAgeSeconds: 1,
  mode: 'live',
  uptimeSeconds: 10,
  reloads: { count: 0, lastReason: null, lastAt: null },
});

describe('the wall fleet against redis-server', () => {
  let redis: TempRedis;
  beforeAll(async () => {
    redis = await startTempRedis();
  });
  afterAll(async () => redis.dispose());

  it('keeps the latest report of each wall, forgets a wall that disconnected (not a reloaded one) and lets one that stopped reporting expire', async () => {
    const fleet = new WallFleet(redis.connect('live-a'));
    const [kept, gone, expired] = [randomUUID(), randomUUID(), randomUUID()];
    await fleet.record({ health: health(kept), socketId: 'old', owner: '大厅', ownerKind: 'display_token', reportedAt: Date.now() });
    await fleet.record({ health: { ...health(kept), heapUsedMb: 50 }, socketId: 'reloaded', owner: '大厅', ownerKind: 'display_token', reportedAt: Date.now() });
    await fleet.record({ health: health(gone), socketId: 'g', owner: '会议室', ownerKind: 'display_token', reportedAt: Date.now() });
    await fleet.record({ health: health(expired), socketId: 'e', owner: '走廊', ownerKind: 'display_token', reportedAt: Date.now() }, 300);
    await fleet.forget(gone, 'g');
    // The page of `kept` reloaded: its old socket's disconnect comes after the new socket's report.
    await fleet.forget(kept, 'old');
    await new Promise((resolve) => setTimeout(resolve, 400));

    const reader = new WallFleet(redis.connect('api'));
    const walls = await reader.list();
    expect(walls.map((wall) => [wall.health.wallId, wall.health.heapUsedMb])).toEqual([[kept, 50]]);
    expect(await reader.get(gone)).toBeNull();
    expect(await reader.get(expired)).toBeNull();
  });

  it('delivers a command to every subscribed process and drops a malformed one', async () => {
    const received: WallCommandMessage[] = [];
    const problems: string[] = [];
    await subscribeWallCommands(redis.connect('live-subscriber'), (message) => received.push(message), (problem) => problems.push(problem));
    const wallId = randomUUID().toUpperCase();
    const sender = redis.connect('api-sender');
    await new WallFleet(sender).sendCommand({ wallId, command: { kind: 'show', layout: 'street-wall', scope: 'street:450103001' } });
    await sender.publish('gc:ops:wall-commands', JSON.stringify({ wallId, command: { kind: 'explode' } }));
    const deadline = Date.now() + 5_000;
    while ((received.length < 1 || problems.length < 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([{ wallId: wallId.toLowerCase(), command: { kind: 'show', layout: 'street-wall', scope: 'street:450103001' } }]);
    expect(problems).toHaveLength(1);
  });
});
