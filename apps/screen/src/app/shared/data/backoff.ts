export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const LOAD_RETRY: BackoffPolicy = { initialMs: 2000, maxMs: 30_000 };

/** Delay before retry number `attempt` (0 for the first retry): doubling, capped so a wall recovers within `maxMs` of the server. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = LOAD_RETRY): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
}
