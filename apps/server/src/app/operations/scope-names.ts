import type { NamedScope } from '@grid-command/contracts';
import { InvalidScopeError, parseScope, type ReferenceIndex } from '@grid-command/domain';

/**
 * The scope with the place name an operator reads; its id stands for the name when the reference data does not hold
 * it (or, registered by another version of a process, it no longer parses).
 */
export function namedScopeOf(reference: ReferenceIndex, scope: string): NamedScope {
  try {
    return { scope, name: reference.placeName(parseScope(scope)) ?? scope };
  } catch (error) {
    if (error instanceof InvalidScopeError) return { scope, name: scope };
    throw error;
  }
}
