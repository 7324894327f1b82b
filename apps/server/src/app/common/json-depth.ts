/** Deepest nesting a request body may have; the deepest contract (a batch of reports with a location) needs 3. */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether a parsed JSON value nests deeper than `maxDepth`. Iterative, because a 4 MB body of `[[[[…` parses fine
 * but would overflow the stack of any recursive walk (the Unicode check, zod) and answer 500.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= maxDepth) return true;
    for (const item of Object.values(next.value)) pending.push({ value: item, depth: next.depth + 1 });
  }
  return false;
}
