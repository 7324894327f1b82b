import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config';

describe('identity configuration', () => {
  it('defaults to 15-minute access tokens, 7-day refresh tokens, a secret kept in Redis and no bootstrap', () => {
    const config = loadAppConfig({});
    expect(config.auth).toEqual({ bootstrapAdminPassword: null, tokenSecret: null, accessTokenSeconds: 900, refreshTokenDays: 7 });
    expect(config.publicUrl).toBeNull();
  });

  it('reads the variables, without the public URL’s trailing slash', () => {
    const config = loadAppConfig({
      ADMIN_BOOTSTRAP_PASSWORD: 'first-admin-password',
      AUTH_TOKEN_SECRET: 's'.repeat(32),
      AUTH_ACCESS_TOKEN_SECONDS: '60',
      AUTH_REFRESH_TOKEN_DAYS: '1',
      PUBLIC_URL: 'https://grid.example.gov.cn/',
    });
    expect(config.auth).toEqual({ bootstrapAdminPassword: 'first-admin-password', tokenSecret: 's'.repeat(32), accessTokenSeconds: 60, refreshTokenDays: 1 });
    expect(config.publicUrl).toBe('https://grid.example.gov.cn');
  });

  it('refuses a short bootstrap password or signing secret and a public URL that is not http(s)', () => {
    expect(() => loadAppConfig({ ADMIN_BOOTSTRAP_PASSWORD: 'short', AUTH_TOKEN_SECRET: 'short', PUBLIC_URL: 'ftp://x' })).toThrow(
      /ADMIN_BOOTSTRAP_PASSWORD[\s\S]*at least 12 characters[\s\S]*AUTH_TOKEN_SECRET[\s\S]*at least 32 characters[\s\S]*PUBLIC_URL/,
    );
  });
});
