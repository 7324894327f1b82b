import { describe, expect, it, jest } from '@jest/globals';
import { AccessSession } from './access-session';

const user = { id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427', username: 'sim-duty', displayName: '模拟值班员', roles: ['duty_officer'], scopes: ['district:450103'], disabled: false, createdAt: '2026-12-01T00:00:00.000Z' };
const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, user });
const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server stand-in answering login and refresh from a script, recording which path each call took. */
function server(answers: Array<(path: string, body: Record<string, unknown>) => Response>) {
  const calls: Array<{ path: string; body: Record<string, unknown> }> = [];
  const fake = jest.fn<typeof fetch>((input, init) => {
    const path = new URL(String(input)).pathname;
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    calls.push({ path, body });
    const answer = answers[calls.length - 1];
    return Promise.resolve(answer ? answer(path, body) : json(500, {}));
  });
  return { fake, calls };
}

describe('AccessSession', () => {
  it('signs in once, then hands out the same token until a minute before it runs out, and refreshes it then', async () => {
    const clock = { now: 0 };
    const { fake, calls } = server([() => json(200, tokens(1)), () => json(200, tokens(2))]);
    const session = new AccessSession('http://127.0.0.1:3999', 'sim-duty', 'correct horse battery', { fetch: fake, now: () => clock.now });
    await session.start();
    expect(await session.bearer()).toBe('access-1');
    clock.now = 839_000;
    expect(await session.bearer()).toBe('access-1');
    clock.now = 841_000;
    expect(await session.bearer()).toBe('access-2');
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/login', '/api/v1/auth/refresh']);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-1' });
  });

  it('signs in again with the password when the refresh is refused', async () => {
    const clock = { now: 0 };
    const refused = () => json(401, { statusCode: 401, error: 'unauthenticated', message: 'refresh token revoked' });
    const { fake, calls } = server([() => json(200, tokens(1)), refused, () => json(200, tokens(3))]);
    const session = new AccessSession('http://127.0.0.1:3999', 'sim-duty', 'correct horse battery', { fetch: fake, now: () => clock.now });
    await session.start();
    clock.now = 900_000;
    expect(await session.bearer()).toBe('access-3');
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/login']);
  });

  it('fails to start with the server\'s reason when the password is wrong', async () => {
    const { fake } = server([() => json(401, { statusCode: 401, error: 'unauthenticated', message: 'wrong username or password' })]);
    const session = new AccessSession('http://127.0.0.1:3999', 'sim-duty', 'wrong', { fetch: fake, now: () => 0 });
    await expect(session.start()).rejects.toThrow('/api/v1/auth/login as sim-duty: 401 unauthenticated: wrong username or password');
  });
});
