import type { Snapshot } from '@grid-command/contracts';

/**
 * Whether `next` should replace what the wall shows. A snapshot of another scope, or one computed before the
 * current one (a late delivery around a reconnect), would move the numbers backwards.
 */
export function shouldReplace(current: Snapshot | null, next: Snapshot, scope: string): boolean {
  if (next.scope !== scope) return false;
  if (current === null) return true;
  return Date.parse(next.asOf) >= Date.parse(current.asOf);
}
