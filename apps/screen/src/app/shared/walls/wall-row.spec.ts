import { describe, expect, it } from '@jest/globals';
import type { FleetWall } from '@grid-command/contracts';
import { commandText, duration, wallRowOf } from './wall-row';
import { WALLS_MESSAGE_KEYS, wallsPlaceholdersOf, wallsText } from './walls-messages';

const wall: FleetWall = {
  health: {
    wallId: '4b1d8f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b',
    label: '大厅左屏',
    layout: 'leader-wall',
    revision: '9f3a2c1b7d6e5f40',
    scope: 'street:450103001',
    playlist: { name: 'district-tour', position: 1, length: 4, paused: true },
    heapUsedMb: 87.4,
    framesPerSecond: 59.6,
    socket: 'live',
    dataAgeSeconds: 1.4,
    mode: 'live',
    uptimeSeconds: 5400,
    reloads: { count: 2, lastReason: 'heap', lastAt: '2026-12-01T19:30:00.000Z' },
  },
  owner: '指挥中心大厅',
  ownerKind: 'display_token',
  scope: { scope: 'street:450103001', name: '新竹街道' },
  reportedAt: '2026-12-01T08:00:00.000Z',
  stale: false,
};

describe('wallRowOf', () => {
  it('names the wall, its place and its figures in the reader’s language', () => {
    expect(wallRowOf(wall, 'zh', 25)).toMatchObject({
      label: '大厅左屏',
      owner: '指挥中心大厅',
      revision: '9f3a2c1b',
      scopeName: '新竹街道',
      playlist: 'district-tour · 第 2/4 项',
      paused: true,
      link: '实时',
      heap: '87 MB',
      fps: '60',
      uptime: '90 分钟',
      reloads: '2 次 · 最近：内存增长',
      stale: null,
    });
    expect(wallRowOf(wall, 'en', 25)).toMatchObject({ playlist: 'district-tour · entry 2/4', reloads: '2 · last: heap growth', link: 'live' });
  });

  it('says what the browser could not measure, and that a wall stopped reporting', () => {
    const row = wallRowOf({ ...wall, stale: true, health: { ...wall.health, label: null, heapUsedMb: null, framesPerSecond: null, dataAgeSeconds: null, playlist: null, socket: 'disconnected' } }, 'zh', 25);
    expect(row).toMatchObject({ label: '指挥中心大厅', owner: null, heap: '未知', fps: '未知', dataAge: '未知', playlist: '—', link: '已断开', stale: '25 秒无报告' });
  });
});

describe('duration and commandText', () => {
  it('picks a readable unit', () => {
    expect(duration(42, 'zh')).toBe('42 秒');
    expect(duration(600, 'en')).toBe('10 min');
    expect(duration(9 * 3600, 'en')).toBe('9.0 h');
  });

  it('says each command', () => {
    expect(commandText({ kind: 'show', layout: 'street-wall', scope: 'street:450103001' }, 'zh')).toBe('显示 street-wall');
    expect(commandText({ kind: 'reload' }, 'en')).toBe('reload');
  });
});

describe('the walls texts', () => {
  it('says every text in both languages with the same parameters', () => {
    for (const key of WALLS_MESSAGE_KEYS) {
      expect(wallsText('en', key)).not.toBe('');
      expect([key, wallsPlaceholdersOf('en', key)]).toEqual([key, wallsPlaceholdersOf('zh', key)]);
    }
  });
});
