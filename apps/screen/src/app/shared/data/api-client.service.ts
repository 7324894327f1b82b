import { Injectable, inject } from '@angular/core';
import type { ApiErrorCode } from '@grid-command/contracts';
import type { z } from 'zod';
import { SessionService, type SessionEnd } from '../auth/session.service';
import { ApiRequestError } from './api-request.error';
import { HttpTransport, type Method } from './http-transport.service';

/**
 * The screen's REST client: every request carries the page's credential. An access token the server calls expired
 * is renewed once (concurrent requests share the renewal) and the request sent again; any other 401 ends the
 * session, which the page shows as its login or its 未授权 state.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly transport = inject(HttpTransport);
  private readonly session = inject(SessionService);

  get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.request('GET', path, undefined, schema);
  }

  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request('POST', path, body, schema);
  }

  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request('PATCH', path, body, schema);
  }

  /** A request answered with no body (204). */
  async delete(path: string): Promise<void> {
    await this.request('DELETE', path, undefined, null);
  }

  private async request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  private async request(method: Method, path: string, body: unknown, schema: null): Promise<undefined>;
  private async request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T> | null): Promise<T | undefined> {
    const send = (bearer: string | null): Promise<T | undefined> =>
      schema === null ? this.transport.request(method, path, body, null, bearer) : this.transport.request(method, path, body, schema, bearer);
    const bearer = this.session.bearer();
    try {
      return await send(bearer);
    } catch (error) {
      const code = refusalOf(error);
      if (code === null) throw error;
      if (code === 'token_expired' && bearer !== null) {
        // A refused renewal ends the session itself; an unreachable server leaves it for the next request.
        if (this.session.bearer() === bearer && !(await this.session.refresh())) throw error;
        const renewed = this.session.bearer();
        if (renewed === null) throw error;
        try {
          return await send(renewed);
        } catch (retryError) {
          const again = refusalOf(retryError);
          if (again !== null && this.session.bearer() === renewed) this.session.end(sessionEndOf(again));
          throw retryError;
        }
      }
      // A late answer to a credential already replaced says nothing about the current one.
      if (this.session.bearer() === bearer) this.session.end(sessionEndOf(code));
      throw error;
    }
  }
}

/** The code of a 401, or null for any other failure. */
function refusalOf(error: unknown): ApiErrorCode | null {
  if (!(error instanceof ApiRequestError) || error.status !== 401) return null;
  return error.body?.error ?? 'unauthenticated';
}

function sessionEndOf(code: ApiErrorCode): SessionEnd {
  return code === 'token_expired' || code === 'token_revoked' ? code : 'unauthenticated';
}
