import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('runs with no variables set: embedded Redis and ClickHouse under ./.data, all roles', () => {
    const config = loadAppConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.clickhouse.kind).toBe('embedded');
    expect('embedded' in config.redis).toBe(true);
    expect([...config.roles]).toEqual(['api', 'worker', 'live']);
    expect(config.live.pushIntervalMs).toBe(500);
  });

  it('uses real servers when their URLs are set', () => {
    const config = loadAppConfig({ REDIS_URL: 'redis://10.0.0.5:6380/2', CLICKHOUSE_URL: 'http://ch:8123', ROLES: 'api' });
    expect(config.redis).toEqual({ url: 'redis://10.0.0.5:6380/2' });
    expect(config.clickhouse).toMatchObject({ kind: 'server', url: 'http://ch:8123' });
    expect([...config.roles]).toEqual(['api']);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'eighty', APP_TIMEZONE: 'Mars/Olympus', REDIS_URL: 'http://x', ROLES: 'api,cook' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('APP_TIMEZONE="Mars/Olympus": must be an IANA time zone');
    expect(message).toContain('REDIS_URL="http://x": must start with redis:// or rediss://');
    expect(message).toContain('ROLES="api,cook"');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('names a bad secret without echoing it, and hides the credentials of a URL', () => {
    let message = '';
    try {
      loadAppConfig({ AUTH_TOKEN_SECRET: 'short-secret', REDIS_URL: 'http://user:hunter2@redis:6379' });
    } catch (caught) {
      message = (caught as ConfigError).message;
    }
    expect(message).toContain('AUTH_TOKEN_SECRET=(hidden, 12 characters): must be at least 32 characters');
    expect(message).toContain('REDIS_URL="http://***@redis:6379"');
    expect(message).not.toMatch(/short-secret|hunter2/);
  });

  it('bounds the report queue by default, takes 0 as off and names a bad bound', () => {
    expect(loadAppConfig({}).backpressure).toEqual({ maxQueueDepth: 20_000, maxQueueAgeMs: 60_000 });
    expect(loadAppConfig({ INGEST_MAX_QUEUE_DEPTH: '0', INGEST_MAX_QUEUE_AGE_SECONDS: '0' }).backpressure).toEqual({ maxQueueDepth: null, maxQueueAgeMs: null });
    expect(loadAppConfig({ INGEST_MAX_QUEUE_DEPTH: '5', INGEST_MAX_QUEUE_AGE_SECONDS: '2' }).backpressure).toEqual({ maxQueueDepth: 5, maxQueueAgeMs: 2_000 });
    expect(() => loadAppConfig({ INGEST_MAX_QUEUE_DEPTH: '-1', INGEST_MAX_QUEUE_AGE_SECONDS: 'soon' })).toThrow(
      /INGEST_MAX_QUEUE_DEPTH="-1"[\s\S]*INGEST_MAX_QUEUE_AGE_SECONDS="soon"/,
    );
  });

  it('plays no faults unless FAULT_INJECTION_FILE names a file, and names the variable when it is empty', () => {
    expect(loadAppConfig({}).faultInjectionFile).toBeNull();
    expect(loadAppConfig({ FAULT_INJECTION_FILE: '/tmp/faults.json' }).faultInjectionFile).toBe('/tmp/faults.json');
    expect(() => loadAppConfig({ FAULT_INJECTION_FILE: '' })).toThrow(/FAULT_INJECTION_FILE=""/);
  });

  it('refuses split roles on embedded ClickHouse, which one process owns', () => {
    expect(() => loadAppConfig({ ROLES: 'worker' })).toThrow(/split roles need CLICKHOUSE_URL/);
  });
});
