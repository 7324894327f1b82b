import type { ScopeSummary } from '@grid-command/contracts';
import { InvalidScopeError, parseScope, type ReferenceIndex } from '@grid-command/domain';
import { AppError } from './errors/app-error';

/** Resolves a `level:code` parameter against the loaded districts: 400 when malformed, 404 when unknown. */
export function resolveScope(index: ReferenceIndex, input: unknown, parameter: string): ScopeSummary {
  if (typeof input !== 'string' || input.length === 0) {
    throw new AppError('invalid_parameter', `${parameter} is required, e.g. district:450103`);
  }
  let scope;
  try {
    scope = parseScope(input);
  } catch (error) {
    if (error instanceof InvalidScopeError) throw new AppError('invalid_parameter', `${parameter}: ${error.message}`);
    throw error;
  }
  const known = index.find(scope);
  if (!known) throw new AppError('not_found', `${parameter}: ${input} is not in the loaded reference data`);
  return known;
}
