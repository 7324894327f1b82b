import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { startTempRedis, type TempRedis } from '../../testing/temp-redis';
import { digestOfSecret, newCredentialSecret } from './credential-secret';
import { announceCredentialRevocation, subscribeCredentialRevocations } from './revocation-notice';
import { ScopedCredentialStore } from './scoped-credential-store';
import { SessionStore } from './session-store';
import { sharedTokenSigningSecret } from './token-signing-secret';
import { UserStore, type NewUserRecord } from './user-store';

const CREATED_AT = '2026-12-01T08:00:00.000Z';
const DAY_MS = 24 * 3600_000;

function userRecord(overrides: Partial<NewUserRecord> = {}): NewUserRecord {
  return {
    id: randomUUID(),
    username: `user-${randomUUID().slice(0, 8)}`,
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
    displayName: '值班员',
    roles: ['duty_officer'],
    scopes: ['street:450103001'],
    createdAt: CREATED_AT,
    ...overrides,
  };
}

describe('the identity stores against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('identity-test');
  });

  afterAll(async () => {
    await redis.dispose();
  });

  describe('UserStore', () => {
    it('keeps usernames unique in any case, even when two processes create the same one at once', async () => {
      const first = new UserStore(redis.connect('process-a'));
      const second = new UserStore(redis.connect('process-b'));
      const created = await Promise.all([first.create(userRecord({ username: 'zhang.san' })), second.create(userRecord({ username: 'zhang.san' }))]);
      expect(created.sort()).toEqual([false, true]);
      expect(await first.create(userRecord({ username: 'Zhang.San' }))).toBe(false);
      expect((await second.byUsername('ZHANG.SAN'))?.username).toBe('zhang.san');
    });

    it('disables, enables and deletes a user; a deleted username is free again', async () => {
      const users = new UserStore(connection);
      const user = userRecord();
      await users.create(user);
      expect(await users.setDisabled(user.id, true)).toBe(true);
      expect((await users.byId(user.id))?.disabled).toBe(true);
      expect((await users.list()).find((listed) => listed.id === user.id)?.disabled).toBe(true);
      expect(await users.setDisabled(user.id, false)).toBe(true);
      expect((await users.byId(user.id))?.disabled).toBe(false);
      expect(await users.setDisabled(randomUUID(), true)).toBe(false);

      expect(await users.delete(user.id)).toBe(true);
      expect(await users.byId(user.id)).toBeNull();
      expect(await users.byUsername(user.username)).toBeNull();
      expect(await users.delete(user.id)).toBe(false);
      expect(await users.create(userRecord({ username: user.username }))).toBe(true);
    });
  });

  describe('SessionStore', () => {
    const now = Date.parse(CREATED_AT);

    it('rotates the refresh token once; a spent token coming back revokes the family, a forged one changes nothing', async () => {
      const sessions = new SessionStore(connection);
      const id = randomUUID();
      await sessions.open({ id, userId: 'u1', refreshDigest: 'd1', expiresAtMs: Date.now() + DAY_MS });
      const later = Date.now();
      const [one, two] = await Promise.all([sessions.rotate(id, 'd1', 'd2', later, later + DAY_MS), sessions.rotate(id, 'd1', 'd2b', later, later + DAY_MS)]);
      expect([one.outcome, two.outcome].sort()).toEqual(['reused', 'rotated']);
      expect(await sessions.state(id, later)).toBe('revoked');

      const other = randomUUID();
      await sessions.open({ id: other, userId: 'u1', refreshDigest: 'e1', expiresAtMs: later + DAY_MS });
      expect(await sessions.rotate(other, 'forged', 'e2', later, later + DAY_MS)).toEqual({ outcome: 'unknown' });
      expect(await sessions.rotate(other, 'e1', 'e2', later, later + DAY_MS)).toEqual({ outcome: 'rotated', userId: 'u1' });
      expect(await sessions.rotate(other, 'e2', 'e3', later, later + DAY_MS)).toEqual({ outcome: 'rotated', userId: 'u1' });
      expect(await sessions.state(other, later)).toBe('live');
      expect(await sessions.rotate(other, 'e1', 'e4', later, later + DAY_MS)).toEqual({ outcome: 'reused', userId: 'u1' });
      expect(await sessions.rotate(other, 'e3', 'e5', later, later + DAY_MS)).toEqual({ outcome: 'revoked', userId: 'u1' });
    });

    it('revokes a session once, refuses an expired one and forgets both when they expire', async () => {
      const sessions = new SessionStore(connection);
      const id = randomUUID();
      await sessions.open({ id, userId: 'u2', refreshDigest: 'd1', expiresAtMs: Date.now() + DAY_MS });
      expect(await sessions.revoke(id)).toBe(true);
      expect(await sessions.revoke(id)).toBe(false);
      expect(await sessions.revoke(randomUUID())).toBe(false);
      expect(await sessions.state(id, now)).toBe('revoked');

      const expiring = randomUUID();
      await sessions.open({ id: expiring, userId: 'u2', refreshDigest: 'x1', expiresAtMs: Date.now() + 60_000 });
      expect(await sessions.rotate(expiring, 'x1', 'x2', Date.now() + 120_000, Date.now() + DAY_MS)).toEqual({ outcome: 'expired', userId: 'u2' });
      expect(await connection.pttl(`gc:identity:session:${expiring}`)).toBeGreaterThan(0);
      expect(await sessions.state(expiring, Date.now() + 120_000)).toBe('revoked');
    });
  });

  describe('ScopedCredentialStore', () => {
    it('finds a key by its secret digest only, revokes it once, and adds the uses counted by each process', async () => {
      const keys = new ScopedCredentialStore(connection, 'ingest-keys');
      const secret = newCredentialSecret();
      const id = randomUUID();
      await keys.create({ id, name: '12345热线', scope: 'district:450103', createdAt: CREATED_AT }, digestOfSecret(secret));
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(await connection.hgetall('gc:identity:ingest-keys'))).not.toContain(secret);
      expect(await keys.byDigest(digestOfSecret(secret))).toEqual({ id, name: '12345热线', scope: 'district:450103', createdAt: CREATED_AT, revokedAt: null });
      expect(await keys.byDigest(digestOfSecret(newCredentialSecret()))).toBeNull();

      await keys.recordUses(new Map([[id, { count: 3, lastUsedAtMs: Date.parse('2026-12-01T09:00:00.000Z') }]]));
      await keys.recordUses(new Map([[id, { count: 2, lastUsedAtMs: Date.parse('2026-12-01T08:30:00.000Z') }]]));
      expect(await keys.list()).toEqual([
        { id, name: '12345热线', scope: 'district:450103', createdAt: CREATED_AT, revokedAt: null, lastUsedAt: '2026-12-01T09:00:00.000Z', uses: 5 },
      ]);

      expect(await keys.revoke(id, new Date('2026-12-01T10:00:00.000Z'))).toBe('revoked');
      expect(await keys.revoke(id, new Date('2026-12-01T11:00:00.000Z'))).toBe('already_revoked');
      expect(await keys.revoke(randomUUID(), new Date())).toBe('unknown');
      expect((await keys.byDigest(digestOfSecret(secret)))?.revokedAt).toBe('2026-12-01T10:00:00.000Z');
      expect(await new ScopedCredentialStore(connection, 'display-tokens').list()).toEqual([]);
    });
  });

  it('keeps the first signing secret any process stored', async () => {
    const first = await sharedTokenSigningSecret(redis.connect('secret-a'), 'a'.repeat(43));
    const second = await sharedTokenSigningSecret(redis.connect('secret-b'), 'b'.repeat(43));
    expect([first, second]).toEqual(['a'.repeat(43), 'a'.repeat(43)]);
  });

  it('delivers announced revocations to every subscribed process', async () => {
    const received: unknown[] = [];
    await subscribeCredentialRevocations(redis.connect('revocations-subscriber'), (revocation) => received.push(revocation), (problem) => received.push(problem));
    await announceCredentialRevocation(connection, { kind: 'session', id: 's1' });
    await announceCredentialRevocation(connection, { kind: 'ingest_key', id: 'k1' });
    const deadline = Date.now() + 2_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([{ kind: 'session', id: 's1' }, { kind: 'ingest_key', id: 'k1' }]);
  });
});
