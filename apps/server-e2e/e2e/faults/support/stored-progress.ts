import { snapshotSchema } from '@grid-command/contracts';
import { requestJson } from '@grid-command/server-harness';
import { DISTRICT_SCOPE } from './report-feed';

/** What the district's snapshot counts as stored today (the per-minute view): progress, not the exact count. */
export async function storedSoFar(baseUrl: string, bearer: string): Promise<number> {
  const snapshot = snapshotSchema.parse(await requestJson(baseUrl, { method: 'GET', path: `/api/v1/snapshot?scope=${DISTRICT_SCOPE}`, bearer }));
  return snapshot.totals.reported;
}

/**
 * Waits until the worker has stored `expected` reports (the queue is drained before the server is stopped for the
 * count, which a graceful stop does not do), and resolves with how long that took; rejects after `withinMs`.
 */
export async function waitUntilStored(baseUrl: string, bearer: string, expected: number, withinMs: number): Promise<number> {
  const started = Date.now();
  let stored = 0;
  while (Date.now() - started < withinMs) {
    stored = await storedSoFar(baseUrl, bearer).catch(() => stored);
    if (stored >= expected) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${stored} of ${expected} reports stored after ${withinMs / 1000} s`);
}
