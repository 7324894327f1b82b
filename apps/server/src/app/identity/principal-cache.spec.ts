import type { AccessRole } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import type { Principal } from '../common/access';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';

const NOW = Date.parse('2026-12-01T08:00:00.000Z');

function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    id: 'u1',
    name: 'li.si',
    roles: new Set<AccessRole>(['leader']),
    scopes: ['street:450103001'],
    sessionId: 's1',
    expiresAt: new Date(NOW + 900_000),
    ...overrides,
  };
}

describe('PrincipalCache', () => {
  it('keeps a principal for a few seconds, never past its credential’s expiry', () => {
    const cache = new PrincipalCache();
    cache.setIfCurrent('token-a', principal(), NOW, cache.generation);
    cache.setIfCurrent('token-b', principal({ expiresAt: new Date(NOW + 1_000) }), NOW, cache.generation);
    expect(cache.get('token-a', NOW + PRINCIPAL_CACHE_MS - 1)?.name).toBe('li.si');
    expect(cache.get('token-a', NOW + PRINCIPAL_CACHE_MS)).toBeUndefined();
    expect(cache.get('token-b', NOW + 999)).toBeDefined();
    expect(cache.get('token-b', NOW + 1_000)).toBeUndefined();
  });

  it('drops what a revocation names: a session, a user’s every session, a key or a display token', () => {
    const cache = new PrincipalCache();
    const entries: Array<[string, Principal]> = [
      ['session-1', principal()],
      ['session-2', principal({ sessionId: 's2' })],
      ['other-user', principal({ id: 'u2', sessionId: 's3' })],
      ['key', principal({ kind: 'ingest_key', id: 'k1', sessionId: null, expiresAt: null })],
      ['wall', principal({ kind: 'display_token', id: 'k1', sessionId: null, expiresAt: null })],
    ];
    const cached = () => entries.filter(([bearer]) => cache.get(bearer, NOW) !== undefined).map(([bearer]) => bearer);
    entries.forEach(([bearer, entry]) => cache.setIfCurrent(bearer, entry, NOW, cache.generation));

    cache.drop({ kind: 'session', id: 's1' });
    expect(cached()).toEqual(['session-2', 'other-user', 'key', 'wall']);
    cache.drop({ kind: 'user', id: 'u1' });
    expect(cached()).toEqual(['other-user', 'key', 'wall']);
    cache.drop({ kind: 'ingest_key', id: 'k1' });
    expect(cached()).toEqual(['other-user', 'wall']);
    cache.drop({ kind: 'display_token', id: 'k1' });
    expect(cached()).toEqual(['other-user']);
  });

  it('does not cache what was resolved before a revocation arrived', () => {
    const cache = new PrincipalCache();
    const before = cache.generation;
    cache.drop({ kind: 'user', id: 'u1' });
    cache.setIfCurrent('token-a', principal(), NOW, before);
    expect(cache.get('token-a', NOW)).toBeUndefined();
  });
});
