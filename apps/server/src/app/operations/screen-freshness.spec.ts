import type { RegisteredScreen } from '@grid-command/queue';
import { describe, expect, it } from '@jest/globals';
import { screensAt, staleAfterSeconds } from './screen-freshness';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const screen = (changes: Partial<RegisteredScreen>): RegisteredScreen => ({
  socketId: 's',
  name: '大屏',
  kind: 'display_token',
  scopes: ['district:450103'],
  alertScopes: [],
  connectedAt: NOW.getTime() - 60_000,
  lastPushAt: NOW.getTime() - 2_000,
  ...changes,
});

describe('screen freshness', () => {
  it('flags a screen after 10 s, or after a heartbeat and a registration round when those are longer', () => {
    expect(staleAfterSeconds(2_000, 2_000)).toBe(10);
    expect(staleAfterSeconds(15_000, 2_000)).toBe(18);
  });

  it('counts from the last push, or from the connection before the first; a console watching alerts only has no freshness', () => {
    const [stale, waiting, fresh, console] = screensAt(
      [
        screen({ name: 'fresh' }),
        screen({ name: 'stale', lastPushAt: NOW.getTime() - 12_500 }),
        screen({ name: 'waiting', lastPushAt: null, connectedAt: NOW.getTime() - 4_000 }),
        screen({ name: 'desk', kind: 'user', scopes: [], alertScopes: ['district:450103'], lastPushAt: null }),
      ],
      NOW,
      10,
      (scope) => ({ scope, name: `name of ${scope}` }),
    );
    expect(stale).toMatchObject({ name: 'stale', freshnessSeconds: 12.5, stale: true, lastPushAt: '2026-12-01T07:59:47.500Z' });
    expect(waiting).toMatchObject({ name: 'waiting', freshnessSeconds: 4, stale: false, lastPushAt: null });
    expect(fresh).toMatchObject({ name: 'fresh', freshnessSeconds: 2, stale: false, scopes: [{ scope: 'district:450103', name: 'name of district:450103' }] });
    expect(console).toMatchObject({ name: 'desk', freshnessSeconds: null, stale: false, scopes: [], alertScopes: [{ scope: 'district:450103', name: 'name of district:450103' }] });
  });
});
