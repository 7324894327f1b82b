/**
 * How long a 503 or 429 asks the client to wait before sending the same request again, in seconds, from its
 * Retry-After (seconds, as the API sends it, or an HTTP date); null for any other answer or without a usable header.
 * The bench and the k6 scripts count such answers as backpressure, not as failures.
 */
export function backpressureSeconds(status: number, retryAfter: string | null | undefined, nowMs = Date.now()): number | null {
  if ((status !== 503 && status !== 429) || retryAfter === null || retryAfter === undefined || retryAfter.trim() === '') return null;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? null : Math.max(0, (date - nowMs) / 1_000);
}
