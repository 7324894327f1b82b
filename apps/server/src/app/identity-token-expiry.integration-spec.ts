import { sessionTokensSchema } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { callApi, startTestServer, tempDataDir, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME, type RunningServer } from '../testing/test-server';

/** Its own file: the server lives with 2-second access tokens, and embedded ClickHouse allows one server per process. */
describe('access tokens expire; the refresh token outlives them', () => {
  const data = tempDataDir();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(data.path, { AUTH_ACCESS_TOKEN_SECONDS: '2' });
  });

  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  it('answers token_expired once the access token is past its life, and a refresh gives a working pair', async () => {
    const login = await callApi(server, 'POST', '/api/v1/auth/login', { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD });
    const tokens = sessionTokensSchema.parse(login.body);
    expect(tokens.expiresIn).toBe(2);
    expect((await callApi(server, 'GET', '/api/v1/auth/me', undefined, tokens.accessToken)).status).toBe(200);

    // jose allows no clock tolerance here: past `exp` (whole seconds) the token is refused.
    await sleep(3_100);
    const expired = await callApi(server, 'GET', '/api/v1/auth/me', undefined, tokens.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: 'token_expired' });

    const renewed = sessionTokensSchema.parse((await callApi(server, 'POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).body);
    expect((await callApi(server, 'GET', '/api/v1/auth/me', undefined, renewed.accessToken)).status).toBe(200);
  });
});
