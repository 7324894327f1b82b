import { Injectable, inject } from '@angular/core';
import { apiErrorSchema, describeIssues } from '@grid-command/contracts';
import type { z } from 'zod';
import { WallClock } from '../time/wall-clock.service';
import { clockOffsetMs } from '../time/clock-offset';
import { ApiRequestError } from './api-request.error';

const TIMEOUT_MS = 10_000;

type Method = 'GET' | 'POST' | 'DELETE';

/** Talks JSON to the server the screen is served by and checks every answer against the shared contract. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly clock = inject(WallClock);

  get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.request('GET', path, undefined, schema);
  }

  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request('POST', path, body, schema);
  }

  /** A request answered with no body (204). */
  async delete(path: string): Promise<void> {
    await this.request('DELETE', path, undefined, null);
  }

  private async request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  private async request(method: Method, path: string, body: unknown, schema: null): Promise<undefined>;
  private async request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T> | null): Promise<T | undefined> {
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new ApiRequestError(path, null, timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : 'server unreachable', method);
    }
    const offset = clockOffsetMs(response.headers.get('date'), sentAt, Date.now());
    if (offset !== null) this.clock.adjust(offset);

    const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const apiError = apiErrorSchema.safeParse(answer);
      throw apiError.success
        ? new ApiRequestError(path, response.status, apiError.data.message, method, apiError.data)
        : new ApiRequestError(path, response.status, response.statusText, method);
    }
    if (schema === null) return undefined;
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new ApiRequestError(path, response.status, `unexpected answer: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`, method);
    return parsed.data;
  }
}
