/** The page polls every two seconds; three missed polls in a row and its figures are old news. */
export const POLL_EVERY_MS = 2_000;
export const STALE_AFTER_MS = 3 * POLL_EVERY_MS;

/** Whether the figures on the page are current: `live`, `stale` (the last good update is old or the last poll failed), or `none` yet. */
export type OverviewState = 'none' | 'live' | 'stale';

/**
 * `lastGoodAtMs` is when the page last received an overview (on this machine's clock), null before the first;
 * `failing` says the latest poll failed. A failed poll makes the page stale at once, so an operator never reads
 * figures the server could not confirm as current, while the figures stay on screen with their time.
 */
export function overviewState(lastGoodAtMs: number | null, failing: boolean, nowMs: number): OverviewState {
  if (lastGoodAtMs === null) return 'none';
  return failing || nowMs - lastGoodAtMs > STALE_AFTER_MS ? 'stale' : 'live';
}
