import type { LiveAuthEnded, SubscribeAck } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectLive, refusalOf, type LiveClient } from '../../testing/live-client';
import { callApi, startTestServer, tempDataDir, type RunningServer } from '../../testing/test-server';

const STREET = 'street:450103001';
const OTHER_STREET = 'street:450103002';

describe('/live admits a socket by its token and keeps every event within its grants', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let streetLeader: string;
  const opened: LiveClient[] = [];

  const open = async (token: string, options: Parameters<typeof connectLive>[2] = {}): Promise<LiveClient> => {
    const socket = await connectLive(server, token, options);
    opened.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { LIVE_MAX_SOCKETS_PER_PRINCIPAL: '3', ALLOWED_ORIGINS: 'https://wall.example.gov.cn' });
    streetLeader = await server.credentials.userToken({ roles: ['leader'], scopes: [STREET] });
  });

  afterAll(async () => {
    for (const socket of opened) socket.close();
    await server?.close();
    dataDir.remove();
  });

  it('refuses a handshake without a valid token, and an ingest key, naming the reason', async () => {
    expect(await refusalOf(server, undefined)).toBe('unauthenticated');
    expect(await refusalOf(server, 'not-a-token-at-all-0123456789')).toBe('unauthenticated');
    expect(await refusalOf(server, await server.credentials.ingestKey(STREET))).toBe('forbidden');
  });

  it('answers an event outside the grants with forbidden, and serves the granted scope', async () => {
    const socket = await open(streetLeader);
    const snapshot = new Promise<string>((resolve) => socket.once('snapshot', (pushed) => resolve(pushed.scope)));
    expect(await socket.emitWithAck('subscribe', { scope: STREET })).toEqual({ ok: true, scope: STREET, heartbeatMs: expect.any(Number) });
    expect(await snapshot).toBe(STREET);
    for (const event of ['subscribe', 'watchAlerts'] as const) {
      for (const scope of ['district:450103', OTHER_STREET]) {
        expect(await socket.emitWithAck(event, { scope })).toMatchObject({ ok: false, error: 'forbidden', message: expect.stringContaining(scope) });
      }
    }
    expect(await socket.emitWithAck('watchAlerts', { scope: `${STREET.replace('street', 'community')}001` })).toEqual({
      ok: true,
      scope: 'community:450103001001',
    });
  });

  it('answers events beyond the per-connection budget with rate_limited, without running them', async () => {
    const socket = await open(await server.credentials.userToken({ roles: ['leader'], scopes: [STREET] }));
    const answers = await Promise.all(Array.from({ length: 60 }, () => socket.emitWithAck('unsubscribe', { scope: STREET })));
    const refused = answers.filter((answer: SubscribeAck) => !answer.ok && answer.error === 'rate_limited');
    expect(answers.length - refused.length).toBeLessThanOrEqual(server.config.live.maxEventsPerSecond * 2);
    expect(refused.length).toBeGreaterThanOrEqual(60 - server.config.live.maxEventsPerSecond * 2);
  });

  it('holds at most LIVE_MAX_SOCKETS_PER_PRINCIPAL sockets per credential in the process', async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: [STREET] });
    const sockets = await Promise.all([open(token), open(token), open(token)]);
    expect(await refusalOf(server, token)).toBe('too_many_connections');
    sockets[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(open(token)).resolves.toBeDefined();
  });

  it("accepts the server's own origin and those of ALLOWED_ORIGINS, refuses other sites' pages", async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: [STREET] });
    expect(await refusalOf(server, token, { extraHeaders: { origin: 'https://evil.example.com' } })).not.toBe('connected');
    const own = await open(token, { extraHeaders: { origin: server.baseUrl } });
    const listed = await open(token, { extraHeaders: { origin: 'https://wall.example.gov.cn' } });
    expect([own.connected, listed.connected]).toEqual([true, true]);
  });

  it('tells a wall its display token was revoked and closes the socket within seconds', async () => {
    const wall = await server.credentials.displayToken(STREET);
    const socket = await open(wall.token);
    const ended = new Promise<{ notice: LiveAuthEnded; disconnect: string }>((resolve) => {
      socket.once('authRevoked', (notice) => socket.once('disconnect', (reason) => resolve({ notice, disconnect: reason })));
    });
    const revokedAt = Date.now();
    const revoked = await callApi(server, 'DELETE', `/api/v1/display-tokens/${wall.id}`, undefined, await server.credentials.adminToken());
    expect(revoked.status).toBe(204);
    const { notice, disconnect } = await ended;
    expect(Date.now() - revokedAt).toBeLessThan(10_000);
    expect(notice.reason).toBe('token_revoked');
    expect(disconnect).toBe('io server disconnect');
    expect(await refusalOf(server, wall.token)).toMatch(/^(token_revoked|unauthenticated)$/);
  });

  it('closes the sockets of a user who logs out', async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: [STREET] });
    const socket = await open(token);
    const ended = new Promise<LiveAuthEnded>((resolve) => socket.once('authRevoked', resolve));
    expect((await callApi(server, 'POST', '/api/v1/auth/logout', undefined, token)).status).toBeLessThan(300);
    expect((await ended).reason).toBe('token_revoked');
  });
});
