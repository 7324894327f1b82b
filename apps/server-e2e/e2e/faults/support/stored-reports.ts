import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AcknowledgedLedger } from './acknowledged-ledger';

export interface StoredReports {
  /** Rows per report id (lower case) in `grid_command.reports`. */
  readonly copiesById: ReadonlyMap<string, number>;
  /** What the per-minute view counts in all, which a batch stored twice there (and once in the table) would show. */
  readonly viewTotal: number;
}

/**
 * Reads what a stopped server's embedded ClickHouse holds, in a process of its own: the data directory has one
 * owner per process, and this one must not become the owner of every scenario's directory.
 */
export async function readStoredReports(dataDir: string): Promise<StoredReports> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'stored-reports.cjs'), dataDir], { maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  const parsed = JSON.parse(stdout) as { copiesById: Record<string, number>; viewTotal: number };
  return { copiesById: new Map(Object.entries(parsed.copiesById)), viewTotal: parsed.viewTotal };
}

/** The exact count: what was acknowledged against what ClickHouse holds. Every figure but the first three must be 0. */
export interface CountCheck {
  readonly acknowledged: number;
  readonly rows: number;
  readonly distinctIds: number;
  /** Acknowledged ids not stored. */
  readonly lost: number;
  /** Rows beyond the first of an id. */
  readonly doubled: number;
  /** Stored ids that were never acknowledged and not in doubt (a refused request's, or no client's at all). */
  readonly unexpected: number;
  /** Rows the per-minute view counts beyond (or short of) the table's rows. */
  readonly viewMismatch: number;
}

/** `excluded`: acknowledged ids that are accounted for elsewhere (a dead-lettered report), expected absent. */
export function checkCount(ledger: AcknowledgedLedger, stored: StoredReports, excluded: ReadonlySet<string> = new Set()): CountCheck {
  let rows = 0;
  let unexpected = 0;
  for (const [id, copies] of stored.copiesById) {
    rows += copies;
    const accountedFor = (ledger.acknowledged.has(id) && !excluded.has(id)) || ledger.unanswered.has(id);
    if (!accountedFor) unexpected += 1;
  }
  const expected = [...ledger.acknowledged].filter((id) => !excluded.has(id));
  return {
    acknowledged: expected.length,
    rows,
    distinctIds: stored.copiesById.size,
    lost: expected.filter((id) => !stored.copiesById.has(id)).length,
    doubled: rows - stored.copiesById.size,
    unexpected,
    viewMismatch: stored.viewTotal - rows,
  };
}
