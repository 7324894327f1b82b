import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { snapshotSchema } from '@grid-command/contracts';
import type { KeepAliveClient } from './http-client';

export const DISTRICT_SCOPE = 'district:450103';

export async function reportedToday(client: KeepAliveClient, scope = DISTRICT_SCOPE): Promise<number | null> {
  const answer = await client.send('GET', `/api/v1/snapshot?scope=${encodeURIComponent(scope)}`).catch(() => null);
  if (answer?.status !== 200) return null;
  const snapshot = snapshotSchema.safeParse(answer.body);
  return snapshot.success ? snapshot.data.totals.reported : null;
}

/**
 * Polls the snapshot until `totals.reported` reaches `expected` and stays put for `settleMs` (so a count
 * that overshoots is seen), or until `timeoutMs`. Returns the last count and the time to first reach it.
 */
export async function waitForReported(
  client: KeepAliveClient,
  expected: number,
  options: { timeoutMs: number; settleMs: number; pollMs: number },
): Promise<{ reported: number | null; reachedMs: number | null; waitedMs: number }> {
  const started = performance.now();
  let reachedMs: number | null = null;
  let reported: number | null = null;
  while (performance.now() - started < options.timeoutMs) {
    reported = await reportedToday(client);
    const now = performance.now() - started;
    if (reported !== null && reported >= expected) {
      reachedMs ??= now;
      if (now - reachedMs >= options.settleMs) break;
    }
    await sleep(options.pollMs);
  }
  return { reported, reachedMs, waitedMs: performance.now() - started };
}
