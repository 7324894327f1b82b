/** Differences below this are the `Date` header's one-second resolution, not a wrong clock. */
const TOLERANCE_MS = 2000;

/**
 * How far the server clock is ahead of this machine, from an HTTP `Date` header and the local times the request
 * was sent and answered. A wall PC with a drifting clock would otherwise call live data stale, or stale data live.
 * Null when the header is missing or unreadable.
 */
export function clockOffsetMs(dateHeader: string | null, sentAtMs: number, receivedAtMs: number): number | null {
  if (dateHeader === null) return null;
  const serverSecond = Date.parse(dateHeader);
  if (Number.isNaN(serverSecond)) return null;
  // The header truncates to the second: the server's clock read somewhere in the following second.
  const offset = serverSecond + 500 - (sentAtMs + receivedAtMs) / 2;
  return Math.abs(offset) < TOLERANCE_MS ? 0 : Math.round(offset);
}
