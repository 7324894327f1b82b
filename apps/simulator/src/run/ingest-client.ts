import { performance } from 'node:perf_hooks';
import { apiErrorSchema, ingestAcceptedSchema, type Report } from '@grid-command/contracts';
import { authorizedHeaders, type BearerSource } from '../auth/bearer';
import { retryAfterMs } from './retry-after';
import { verdictOf } from './retry-policy';

export type PostOutcome =
  | { readonly kind: 'acknowledged'; readonly accepted: number; readonly duplicates: number; readonly latencyMs: number }
  /** 503 or 429 with Retry-After: the server is shedding load; send the same reports again once it has passed. */
  | { readonly kind: 'backpressure'; readonly retryAfterMs: number; readonly reason: string; readonly latencyMs: number }
  | { readonly kind: 'retryable'; readonly reason: string; readonly latencyMs: number }
  | { readonly kind: 'rejected'; readonly reason: string; readonly latencyMs: number };

export interface ReportSender {
  post(reports: readonly Report[], signal: AbortSignal): Promise<PostOutcome>;
}

/** Why a fetch failed, in words an operator recognises: `ECONNREFUSED`, `timeout`, … */
export function networkReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timeout';
    if (error.name === 'AbortError') return 'aborted';
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    if (typeof cause?.code === 'string') return cause.code;
    return error.message;
  }
  return String(error);
}

/**
 * `POST /api/v1/reports` as a real client sends it: one report as an object, several as an array, with the ingest
 * key as its bearer. Never throws: every outcome, network failures included, comes back as a value the caller counts.
 */
export class IngestClient implements ReportSender {
  private readonly endpoint: string;

  constructor(baseUrl: string, private readonly bearer: BearerSource, private readonly timeoutMs = 10_000) {
    this.endpoint = new URL('/api/v1/reports', baseUrl).toString();
  }

  async post(reports: readonly Report[], signal: AbortSignal): Promise<PostOutcome> {
    const started = performance.now();
    const elapsed = (): number => performance.now() - started;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: await authorizedHeaders(this.bearer, true),
        body: JSON.stringify(reports.length === 1 ? reports[0] : reports),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      const body: unknown = await response.json().catch(() => null);
      const latencyMs = elapsed();
      const verdict = verdictOf(response.status);
      if (verdict === 'acknowledged') {
        const parsed = ingestAcceptedSchema.safeParse(body);
        if (!parsed.success) return { kind: 'rejected', reason: `${response.status} with an unexpected body`, latencyMs };
        return { kind: 'acknowledged', ...parsed.data, latencyMs };
      }
      const error = apiErrorSchema.safeParse(body);
      const reason = error.success ? `${response.status} ${error.data.error}: ${error.data.message}` : `${response.status} ${response.statusText}`;
      const wait = response.status === 503 || response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : null;
      if (wait !== null) return { kind: 'backpressure', retryAfterMs: wait, reason, latencyMs };
      return { kind: verdict === 'retry' ? 'retryable' : 'rejected', reason, latencyMs };
    } catch (error) {
      return { kind: 'retryable', reason: networkReason(error), latencyMs: elapsed() };
    }
  }
}
