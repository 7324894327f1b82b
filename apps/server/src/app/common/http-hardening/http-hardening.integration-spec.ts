import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { startTestServer, tempDataDir, type RunningServer } from '../../../testing/test-server';

const LISTED_ORIGIN = 'https://wall.example.gov.cn';

describe('every HTTP answer is hardened', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { ALLOWED_ORIGINS: LISTED_ORIGIN, HTTP_REQUEST_TIMEOUT_MS: '20000' });
  });

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('sends the security headers and a content security policy, and no X-Powered-By', async () => {
    for (const path of ['/health/live', '/api/v1/scopes', '/no-such-page']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toContain('upgrade-insecure-requests');
    }
  });

  it('answers CORS for the origins of ALLOWED_ORIGINS only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.baseUrl}/api/v1/scopes`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const listed = await preflight(LISTED_ORIGIN);
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(listed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${server.baseUrl}/health/live`, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('bounds how long a request may take to arrive', () => {
    const http = server.app.getHttpServer() as Server;
    expect(http.requestTimeout).toBe(20_000);
    expect(http.headersTimeout).toBe(10_000);
    expect(http.keepAliveTimeout).toBe(5_000);
  });

  it('caps JSON bodies of routes other than batch intake at HTTP_MAX_BODY_BYTES, naming the limit', async () => {
    const big = JSON.stringify({ reason: 'x'.repeat(server.config.httpLimits.maxBodyBytes), minutes: 10 });
    const response = await fetch(`${server.baseUrl}/api/v1/alert-mutes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain(String(server.config.httpLimits.maxBodyBytes));
  });
});
