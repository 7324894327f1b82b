import { Injectable, inject } from '@angular/core';
import { apiErrorSchema, describeIssues } from '@grid-command/contracts';
import type { z } from 'zod';
import { WallClock } from '../time/wall-clock.service';
import { clockOffsetMs } from '../time/clock-offset';
import { ApiRequestError } from './api-request.error';

const TIMEOUT_MS = 10_000;

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One JSON exchange with the server the screen is served by, with the credential it is given: every answer is
 * checked against the shared contract, every failure becomes an `ApiRequestError`. It knows nothing of sessions;
 * `ApiClient` adds the credential and what to do when it is refused.
 */
@Injectable({ providedIn: 'root' })
export class HttpTransport {
  private readonly clock = inject(WallClock);

  request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>, bearer: string | null): Promise<T>;
  request(method: Method, path: string, body: unknown, schema: null, bearer: string | null): Promise<undefined>;
  async request<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T> | null, bearer: string | null): Promise<T | undefined> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
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
      const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
      throw apiError.success
        ? new ApiRequestError(path, response.status, apiError.data.message, method, apiError.data, retryAfter)
        : new ApiRequestError(path, response.status, response.statusText, method, null, retryAfter);
    }
    if (schema === null) return undefined;
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new ApiRequestError(path, response.status, `unexpected answer: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`, method);
    return parsed.data;
  }
}

/** `Retry-After` in seconds (the server sends seconds, never a date); null when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}
