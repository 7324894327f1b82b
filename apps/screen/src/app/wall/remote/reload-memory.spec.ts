import { describe, expect, it } from '@jest/globals';
import { noteReload, readReloads, takePlaylistResume } from './reload-memory';
import { wallIdOf, wallLabelOf } from './wall-identity';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value), removeItem: (key) => void values.delete(key) };
}

describe('reload memory', () => {
  it('counts reloads with the last reason and time, across pages of the same tab', () => {
    const storage = memoryStorage();
    expect(readReloads(storage)).toEqual({ count: 0, lastReason: null, lastAt: null });
    noteReload(storage, 'remote', new Date('2026-12-01T10:00:00Z'), null);
    noteReload(storage, 'heap', new Date('2026-12-01T19:30:00Z'), null);
    expect(readReloads(storage)).toEqual({ count: 2, lastReason: 'heap', lastAt: '2026-12-01T19:30:00.000Z' });
  });

  it('reads a tampered or broken note as no reload', () => {
    const storage = memoryStorage();
    storage.setItem('gc.wall.reloads', '{"count":-3}');
    expect(readReloads(storage).count).toBe(0);
    storage.setItem('gc.wall.reloads', 'not json');
    expect(readReloads(storage).count).toBe(0);
    storage.setItem('gc.wall.reloads', '{"count":2,"lastReason":"boredom","lastAt":"yesterday"}');
    expect(readReloads(storage)).toEqual({ count: 2, lastReason: null, lastAt: null });
    expect(readReloads(null).count).toBe(0);
  });

  it('hands the playlist position back once, to the same playlist only', () => {
    const storage = memoryStorage();
    noteReload(storage, 'remote', new Date(), { playlist: 'district-tour', index: 3 });
    expect(takePlaylistResume(storage, 'other-tour')).toBeNull();
    noteReload(storage, 'remote', new Date(), { playlist: 'district-tour', index: 3 });
    expect(takePlaylistResume(storage, 'district-tour')).toBe(3);
    expect(takePlaylistResume(storage, 'district-tour')).toBeNull();
  });
});

describe('wall identity', () => {
  it('keeps one id per browser profile, lower-cased', () => {
    const storage = memoryStorage();
    const first = wallIdOf(storage, () => 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE');
    expect(first).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(wallIdOf(storage, () => '11111111-2222-4333-8444-555555555555')).toBe(first);
    storage.setItem('gc.wall.id', 'tampered');
    expect(wallIdOf(storage, () => '11111111-2222-4333-8444-555555555555')).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('reads the label from the address, bounded', () => {
    expect(wallLabelOf('?label=%E5%A4%A7%E5%8E%85%E5%B7%A6%E5%B1%8F')).toBe('大厅左屏');
    expect(wallLabelOf('?label=%20%20')).toBeNull();
    expect(wallLabelOf('')).toBeNull();
    expect(wallLabelOf(`?label=${'屏'.repeat(80)}`)).toHaveLength(64);
  });
});
