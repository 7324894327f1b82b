import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ApiErrorCode, SessionTokens } from '@grid-command/contracts';
import { z } from 'zod';
import { ApiClient } from '../data/api-client.service';
import { ApiRequestError } from '../data/api-request.error';
import { HttpTransport, type Method } from '../data/http-transport.service';
import { ACCEPTS_DISPLAY_TOKEN, SessionService } from './session.service';

const USER = { id: '0b0c2f5e-3c1a-4d7e-9a43-1f1f7d3f0a11', username: 'zhangsan', displayName: '张三', roles: ['duty_officer' as const], scopes: ['district:450103'], disabled: false, createdAt: '2026-12-01T08:00:00+08:00' };

function tokens(generation: number): SessionTokens {
  return { accessToken: `access-${generation}`, refreshToken: `refresh-${generation}`, expiresIn: 900, user: USER };
}

function refusal(path: string, error: ApiErrorCode): ApiRequestError {
  return new ApiRequestError(path, 401, error, 'GET', { statusCode: 401, error, message: error });
}

/**
 * The server as the session meets it: `/api/v1/figures` answers the current access token and refuses the others with
 * `refuseWith`; `/auth/refresh` rotates the pair, answering only when the test releases it.
 */
class FakeServer {
  validToken = 'access-1';
  refuseWith: ApiErrorCode = 'token_expired';
  refreshRefusal: ApiRequestError | null = null;
  readonly refreshes: string[] = [];
  readonly figureBearers: (string | null)[] = [];
  private releaseRefresh: () => void = () => undefined;

  release(): void {
    this.releaseRefresh();
  }

  readonly request = jest.fn(async (method: Method, path: string, body: unknown, schema: z.ZodType<unknown> | null, bearer: string | null): Promise<unknown> => {
    if (path === '/api/v1/auth/refresh') {
      this.refreshes.push(String((body as { refreshToken: string }).refreshToken));
      await new Promise<void>((resolve) => (this.releaseRefresh = resolve));
      if (this.refreshRefusal !== null) throw this.refreshRefusal;
      this.validToken = `access-${this.refreshes.length + 1}`;
      return tokens(this.refreshes.length + 1);
    }
    if (path === '/api/v1/auth/login') return tokens(1);
    this.figureBearers.push(bearer);
    if (bearer !== this.validToken) throw refusal(path, this.refuseWith);
    return schema?.parse({ figures: 42 });
  });
}

const figuresSchema = z.strictObject({ figures: z.number() });

describe('SessionService with the ApiClient', () => {
  let server: FakeServer;

  function setUp(acceptsDisplayToken = false): { session: SessionService; api: ApiClient } {
    TestBed.configureTestingModule({
      providers: [
        { provide: HttpTransport, useValue: { request: server.request } },
        { provide: ACCEPTS_DISPLAY_TOKEN, useValue: acceptsDisplayToken },
      ],
    });
    return { session: TestBed.inject(SessionService), api: TestBed.inject(ApiClient) };
  }

  beforeEach(() => {
    server = new FakeServer();
    sessionStorage.clear();
    localStorage.clear();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
  });

  it('keeps a login in sessionStorage and sends its access token', async () => {
    const { session, api } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    expect(session.principal()?.name).toBe('zhangsan');
    expect(JSON.parse(sessionStorage.getItem('gc.session') ?? 'null')).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    await expect(api.get('/api/v1/figures', figuresSchema)).resolves.toEqual({ figures: 42 });
    expect(server.figureBearers).toEqual(['access-1']);
  });

  it('renews an expired token once for requests refused at the same time, and sends each again with the new one', async () => {
    const { session, api } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    server.validToken = 'expired for everyone';
    const answers = Promise.all([1, 2, 3].map(() => api.get('/api/v1/figures', figuresSchema)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.release();
    await expect(answers).resolves.toEqual([{ figures: 42 }, { figures: 42 }, { figures: 42 }]);
    expect(server.refreshes).toEqual(['refresh-1']);
    expect(server.figureBearers.filter((bearer) => bearer === 'access-2')).toHaveLength(3);
    expect(session.bearer()).toBe('access-2');
    expect(JSON.parse(sessionStorage.getItem('gc.session') ?? 'null')).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('drops the session for good when the server says it was revoked', async () => {
    const { session, api } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    server.validToken = 'none';
    server.refuseWith = 'token_revoked';
    await expect(api.get('/api/v1/figures', figuresSchema)).rejects.toBeInstanceOf(ApiRequestError);
    expect(session.credential()).toBeNull();
    expect(session.active()).toBe(false);
    expect(session.ended()).toBe('token_revoked');
    expect(session.principal()).toBeNull();
    expect(sessionStorage.getItem('gc.session')).toBeNull();
    expect(server.refreshes).toEqual([]);
  });

  it('ends the session when the renewal itself is refused (a reused refresh token revokes the family)', async () => {
    const { session, api } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    server.validToken = 'expired';
    server.refreshRefusal = refusal('/api/v1/auth/refresh', 'token_revoked');
    const answer = api.get('/api/v1/figures', figuresSchema);
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.release();
    await expect(answer).rejects.toBeInstanceOf(ApiRequestError);
    expect(session.ended()).toBe('token_revoked');
    expect(session.credential()).toBeNull();
  });

  it('keeps the session when the renewal could not reach the server', async () => {
    const { session, api } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    server.validToken = 'expired';
    server.refreshRefusal = new ApiRequestError('/api/v1/auth/refresh', null, 'server unreachable', 'POST');
    const answer = api.get('/api/v1/figures', figuresSchema);
    await new Promise((resolve) => setTimeout(resolve, 0));
    server.release();
    await expect(answer).rejects.toBeInstanceOf(ApiRequestError);
    expect(session.active()).toBe(true);
    expect(session.bearer()).toBe('access-1');
  });

  it("ends a wall's display token when it is revoked, and forgets it", async () => {
    localStorage.setItem('gc.displayToken', 'display-abc');
    const { session, api } = setUp(true);
    expect(session.credential()).toEqual({ kind: 'display', token: 'display-abc' });
    server.refuseWith = 'token_revoked';
    await expect(api.get('/api/v1/figures', figuresSchema)).rejects.toBeInstanceOf(ApiRequestError);
    expect(session.ended()).toBe('token_revoked');
    expect(localStorage.getItem('gc.displayToken')).toBeNull();
  });

  it('logs out on the server and here', async () => {
    const { session } = setUp();
    await session.login('zhangsan', 'correct horse battery');
    await session.logout();
    expect(server.request).toHaveBeenCalledWith('POST', '/api/v1/auth/logout', undefined, null, 'access-1');
    expect(session.ended()).toBe('signed_out');
    expect(sessionStorage.getItem('gc.session')).toBeNull();
  });
});
