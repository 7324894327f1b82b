import { Injectable, inject } from '@angular/core';
import { apiErrorSchema, describeIssues } from '@grid-command/contracts';
import type { z } from 'zod';
import { WallClock } from '../time/wall-clock.service';
import { clockOffsetMs } from '../time/clock-offset';
import { ApiRequestError } from './api-request.error';

const TIMEOUT_MS = 10_000;

/** GETs JSON from the server the screen is served by and checks it against the shared contract. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly clock = inject(WallClock);

  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new ApiRequestError(path, null, timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : 'server unreachable');
    }
    const offset = clockOffsetMs(response.headers.get('date'), sentAt, Date.now());
    if (offset !== null) this.clock.adjust(offset);

    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const apiError = apiErrorSchema.safeParse(body);
      throw new ApiRequestError(path, response.status, apiError.success ? apiError.data.message : response.statusText);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiRequestError(path, response.status, `unexpected answer: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`);
    return parsed.data;
  }
}
