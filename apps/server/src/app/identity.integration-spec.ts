import { apiErrorSchema, displayTokenListSchema, ingestKeyListSchema, principalViewSchema, sessionTokensSchema, userListSchema, userViewSchema } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CredentialUseFlusher } from './identity/credential-use-flusher.service';
import { callApi, startTestServer, tempDataDir, TEST_ADMIN_PASSWORD, type RunningServer } from '../testing/test-server';

const DISTRICT = 'district:450103';
const STREET = 'street:450103001';
const PASSWORD = 'correct horse battery';

/** Logins, sessions and the credentials admins hand out, against the whole server and its own redis-server. */
describe('identity: logins, sessions, users, ingest keys and display tokens', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let admin: string;

  const login = (username: string, password: string) => callApi(server, 'POST', '/api/v1/auth/login', { username, password });
  const refresh = (refreshToken: string) => callApi(server, 'POST', '/api/v1/auth/refresh', { refreshToken });
  const me = (token: string) => callApi(server, 'GET', '/api/v1/auth/me', undefined, token);
  const createUser = async (username: string, roles: string[] = ['duty_officer'], scopes: string[] = [STREET]) => {
    const answer = await callApi(server, 'POST', '/api/v1/users', { username, password: PASSWORD, roles, scopes }, admin);
    expect(answer.status).toBe(201);
    return userViewSchema.parse(answer.body);
  };
  const signIn = async (username: string) => {
    const answer = await login(username, PASSWORD);
    expect(answer.status).toBe(200);
    return sessionTokensSchema.parse(answer.body);
  };

  beforeAll(async () => {
    server = await startTestServer(data.path);
    admin = await server.credentials.adminToken();
  });

  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  it('bootstraps the first admin with every loaded district and tells a caller who they are', async () => {
    const users = userListSchema.parse((await callApi(server, 'GET', '/api/v1/users', undefined, admin)).body).users;
    expect(users).toEqual([expect.objectContaining({ username: 'admin', roles: ['admin'], scopes: [DISTRICT], disabled: false })]);
    expect(JSON.stringify(users)).not.toContain('argon2');
    const view = principalViewSchema.parse((await me(admin)).body);
    expect(view).toMatchObject({ kind: 'user', name: 'admin', scopes: [DISTRICT], roles: ['admin', 'duty_officer', 'leader', 'operator'] });
    expect(Date.parse(view.expiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('logs a user in and answers one identical 401 for a wrong password, an unknown user and a disabled user', async () => {
    const user = await createUser('li.si');
    const tokens = await signIn('LI.SI');
    expect(tokens.user).toEqual(user);
    expect(tokens.expiresIn).toBe(900);
    expect(principalViewSchema.parse((await me(tokens.accessToken)).body)).toMatchObject({ kind: 'user', name: 'li.si', roles: ['duty_officer', 'leader'], scopes: [STREET] });

    const disabledUser = await createUser('wang.wu');
    expect((await callApi(server, 'PATCH', `/api/v1/users/${disabledUser.id}`, { disabled: true }, admin)).status).toBe(200);
    const answers = await Promise.all([login('li.si', 'wrong password!'), login('nobody-here', PASSWORD), login('wang.wu', PASSWORD)]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(apiErrorSchema.parse(answer.body)).toEqual({ statusCode: 401, error: 'unauthenticated', message: 'wrong username or password' });
    }
    expect((await callApi(server, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await me('not-a-token-at-all')).body).toMatchObject({ error: 'unauthenticated' });
  });

  it('rotates refresh tokens; an old one coming back revokes the whole session, its newest tokens too', async () => {
    await createUser('zhao.liu');
    const first = await signIn('zhao.liu');
    const second = sessionTokensSchema.parse((await refresh(first.refreshToken)).body);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).status).toBe(200);
    const third = sessionTokensSchema.parse((await refresh(second.refreshToken)).body);
    const forged = await refresh(`${third.refreshToken.split('.')[0]}.${'A'.repeat(43)}`);
    expect(forged.body).toMatchObject({ error: 'unauthenticated' });
    expect((await me(third.accessToken)).status).toBe(200);

    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: 'token_revoked' });
    expect((await refresh(third.refreshToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await me(third.accessToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await me(first.accessToken)).status).toBe(401);
  });

  it('ends a session on logout: its access and refresh tokens stop, other sessions of the user go on', async () => {
    await createUser('sun.qi');
    const [ending, other] = [await signIn('sun.qi'), await signIn('sun.qi')];
    expect((await callApi(server, 'POST', '/api/v1/auth/logout', undefined, ending.accessToken)).status).toBe(204);
    expect((await me(ending.accessToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await refresh(ending.refreshToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('stops a disabled or deleted user at once, and never lets an admin disable or delete themself', async () => {
    const user = await createUser('zhou.ba');
    const tokens = await signIn('zhou.ba');
    expect((await me(tokens.accessToken)).status).toBe(200);
    expect((await callApi(server, 'PATCH', `/api/v1/users/${user.id}`, { disabled: true }, admin)).body).toMatchObject({ disabled: true });
    expect((await me(tokens.accessToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await refresh(tokens.refreshToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await callApi(server, 'PATCH', `/api/v1/users/${user.id}`, { disabled: false }, admin)).body).toMatchObject({ disabled: false });
    const again = await signIn('zhou.ba');
    expect((await callApi(server, 'DELETE', `/api/v1/users/${user.id}`, undefined, admin)).status).toBe(204);
    expect((await me(again.accessToken)).body).toMatchObject({ error: 'token_revoked' });
    expect((await callApi(server, 'DELETE', `/api/v1/users/${user.id}`, undefined, admin)).status).toBe(404);

    const adminId = principalViewSchema.parse((await me(admin)).body).id;
    for (const attempt of [callApi(server, 'PATCH', `/api/v1/users/${adminId}`, { disabled: true }, admin), callApi(server, 'DELETE', `/api/v1/users/${adminId}`, undefined, admin)]) {
      const answer = await attempt;
      expect(answer.status).toBe(403);
      expect(answer.body['message']).toMatch(/yourself/);
    }
    expect((await me(admin)).status).toBe(200);
  });

  it('refuses a taken username in any case (409), unknown scopes and bad fields (400 naming the field)', async () => {
    await createUser('qian.jiu');
    const taken = await callApi(server, 'POST', '/api/v1/users', { username: 'qian.jiu', password: PASSWORD, roles: ['leader'], scopes: [STREET] }, admin);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'conflict' });
    const unknownScope = await callApi(server, 'POST', '/api/v1/users', { username: 'wu.shi', password: PASSWORD, roles: ['leader'], scopes: ['district:999999'] }, admin);
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.body['message']).toMatch(/^scopes\[0\]: district:999999/);
    const shortPassword = await callApi(server, 'POST', '/api/v1/users', { username: 'wu.shi', password: 'short', roles: ['leader'], scopes: [STREET] }, admin);
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body['message']).toMatch(/^password/);
  });

  it('issues an ingest key once, counts its uses, and stops it when revoked (204 again, 404 unknown)', async () => {
    const created = await callApi(server, 'POST', '/api/v1/ingest-keys', { name: '12345热线', scope: STREET }, admin);
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    expect(key).toMatch(/^gck_[A-Za-z0-9_-]{43}$/);
    expect(principalViewSchema.parse((await me(key)).body)).toEqual({ kind: 'ingest_key', id, name: '12345热线', roles: ['ingest'], scopes: [STREET], expiresAt: null });
    await me(key);
    await server.app.get(CredentialUseFlusher).flush();
    const listed = ingestKeyListSchema.parse((await callApi(server, 'GET', '/api/v1/ingest-keys', undefined, admin)).body).ingestKeys;
    expect(listed).toEqual([expect.objectContaining({ id, name: '12345热线', scope: STREET, revokedAt: null, uses: 2 })]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(4));

    expect((await callApi(server, 'DELETE', `/api/v1/ingest-keys/${id}`, undefined, admin)).status).toBe(204);
    expect((await me(key)).body).toMatchObject({ error: 'token_revoked' });
    expect((await callApi(server, 'DELETE', `/api/v1/ingest-keys/${id}`, undefined, admin)).status).toBe(204);
    expect((await callApi(server, 'DELETE', '/api/v1/ingest-keys/00000000-0000-4000-8000-000000000000', undefined, admin)).status).toBe(404);
    expect((await me(`gck_${'A'.repeat(43)}`)).body).toMatchObject({ error: 'unauthenticated' });
  });

  it('issues a read-only display token with its kiosk address, and stops it when revoked', async () => {
    const created = await callApi(server, 'POST', '/api/v1/display-tokens', { name: '青秀区大屏-1', scope: STREET }, admin);
    expect(created.status).toBe(201);
    const { id, token, url } = created.body as { id: string; token: string; url: string };
    expect(token).toMatch(/^gcd_/);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?scope=${STREET}&display=${token}$`));
    expect(principalViewSchema.parse((await me(token)).body)).toMatchObject({ kind: 'display_token', roles: ['leader'], scopes: [STREET] });
    expect(displayTokenListSchema.parse((await callApi(server, 'GET', '/api/v1/display-tokens', undefined, admin)).body).displayTokens.map((listed) => listed.id)).toEqual([id]);
    expect((await callApi(server, 'DELETE', `/api/v1/display-tokens/${id}`, undefined, admin)).status).toBe(204);
    expect((await me(token)).body).toMatchObject({ error: 'token_revoked' });
  });

  it('locks a username for 15 minutes after 5 failed logins (429 with Retry-After, even with the right password)', async () => {
    await createUser('lock.me');
    const started = Date.now();
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login('lock.me', `wrong password ${attempt}`)).status).toBe(401);
    // 250 ms more per recent failure: 0.25 + 0.5 + 0.75 + 1 + 1.25 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_700);
    const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lock.me', password: PASSWORD }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await response.json()).toMatchObject({ error: 'rate_limited' });
    expect((await login('admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
  });
});
