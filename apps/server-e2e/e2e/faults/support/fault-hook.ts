import { renameSync, writeFileSync } from 'node:fs';

/** What the server's fault hook (`FAULT_INJECTION_FILE`) reads; it re-reads the file when its mtime changes. */
export interface FaultHook {
  /** Every ClickHouse insert fails until this instant (epoch ms). */
  readonly failInsertsUntil?: number;
  /** Every ClickHouse insert waits this long before it runs, so a batch is surely in flight when a fault strikes. */
  readonly slowInsertsMs?: number;
  /** A report whose description holds this text fails to insert with an error ClickHouse does not classify. */
  readonly poisonMarker?: string;
}

/** Replaces the hook's file in one rename, so the server never reads it half written. */
export function writeFaultHook(file: string, hook: FaultHook): void {
  const next = `${file}.next`;
  writeFileSync(next, JSON.stringify(hook));
  renameSync(next, file);
}
