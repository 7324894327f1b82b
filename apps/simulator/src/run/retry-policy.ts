import type { Random } from '../feed/prng';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Five attempts over about eight seconds: rides out a queue restart, gives up on a dead server. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 5_000 };

export type StatusVerdict = 'acknowledged' | 'retry' | 'reject';

/**
 * 503 (queue unavailable), other 5xx and 429 are worth another try with the same ids, which the API
 * answers as duplicates if the first try got through. Any other 4xx will fail the same way again.
 */
export function verdictOf(status: number): StatusVerdict {
  if (status === 200 || status === 202) return 'acknowledged';
  if (status === 429 || status >= 500) return 'retry';
  return 'reject';
}

/**
 * Exponential backoff with equal jitter after the `attempt`-th failure (1-based): half the delay is
 * fixed so retries always wait, half is random so many clients do not retry in lockstep.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: Random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
