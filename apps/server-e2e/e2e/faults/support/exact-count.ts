import type { AcknowledgedLedger } from './acknowledged-ledger';
import type { ServerUnderTest } from './server-under-test';
import { waitUntilStored } from './stored-progress';
import { checkCount, readStoredReports, type CountCheck } from './stored-reports';

export interface FinalCount {
  readonly count: CountCheck;
  /** How long the worker took to store the backlog once the clients were done. */
  readonly drainedInMs: number;
  /** The exit code of the graceful stop before the count; 0 when the server drained and closed cleanly. */
  readonly exitCode: number | null;
}

/**
 * Waits for the worker to store everything acknowledged (less `excluded`), stops the server gracefully and counts
 * what its ClickHouse holds against the ledger. The embedded store is read once the server no longer owns it.
 */
export async function countOnceDrained(server: ServerUnderTest, ledger: AcknowledgedLedger, options: { withinMs: number; excluded?: ReadonlySet<string> }): Promise<FinalCount> {
  const expected = ledger.acknowledged.size - (options.excluded?.size ?? 0);
  const drainedInMs = await waitUntilStored(server.baseUrl, server.credentials.admin, expected, options.withinMs);
  // A late duplicate would surface after the view first reaches the expected figure: give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const exitCode = await server.stop();
  return { count: checkCount(ledger, await readStoredReports(server.dataDir), options.excluded), drainedInMs, exitCode };
}

/** The count that passes: rows = distinct ids = acknowledged ids, nothing lost, doubled or unaccounted for. */
export function exactlyOnce(acknowledged: number): CountCheck {
  return { acknowledged, rows: acknowledged, distinctIds: acknowledged, lost: 0, doubled: 0, unexpected: 0, viewMismatch: 0 };
}

/** Resolves once `count()` reaches `target`; rejects after `withinMs`, so a stuck load fails the scenario. */
export async function until(count: () => number, target: number, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`reached ${count()} of ${target} within ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
