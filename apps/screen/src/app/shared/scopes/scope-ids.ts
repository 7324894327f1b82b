import { formatScope, InvalidScopeError, lineageOf, parseScope, type Scope } from '@grid-command/domain';

/**
 * The domain's `parseScope`, answering null instead of throwing: the screen reads scope ids from addresses and
 * clicks, where a malformed one is ignored rather than an error.
 */
export function tryParseScope(scopeId: string): Scope | null {
  try {
    return parseScope(scopeId);
  } catch (error) {
    if (error instanceof InvalidScopeError) return null;
    throw error;
  }
}

/** The scope id and the ids of every scope above it, district first; empty for a malformed id. */
export function scopeChain(scopeId: string): string[] {
  const scope = tryParseScope(scopeId);
  return scope === null ? [] : lineageOf(scope).map(formatScope);
}
