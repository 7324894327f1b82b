import type { LiveAuthEnded } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectLive, refusalOf } from '../../testing/live-client';
import { startTestServer, tempDataDir, type RunningServer } from '../../testing/test-server';

const TOKEN_SECONDS = 3;

describe('/live closes a socket when its access token expires', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { AUTH_ACCESS_TOKEN_SECONDS: String(TOKEN_SECONDS) });
  });

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('sends authExpired at the expiry, disconnects, and refuses the token afterwards', async () => {
    const token = await server.credentials.userToken({ roles: ['leader'], scopes: ['district:450103'] });
    const connectedAt = Date.now();
    const socket = await connectLive(server, token);
    const ended = new Promise<{ notice: LiveAuthEnded; disconnect: string }>((resolve) => {
      socket.once('authExpired', (notice) => socket.once('disconnect', (reason) => resolve({ notice, disconnect: reason })));
    });
    expect(await socket.emitWithAck('subscribe', { scope: 'district:450103' })).toEqual({ ok: true, scope: 'district:450103', heartbeatMs: expect.any(Number) });

    const { notice, disconnect } = await ended;
    expect(Date.now() - connectedAt).toBeLessThanOrEqual((TOKEN_SECONDS + 1) * 1000);
    expect(notice.reason).toBe('token_expired');
    expect(disconnect).toBe('io server disconnect');
    expect(await refusalOf(server, token)).toBe('token_expired');
  });
});
