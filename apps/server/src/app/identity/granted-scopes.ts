import { parseScope, type ReferenceIndex } from '@grid-command/domain';
import { AppError } from '../common/errors/app-error';

/** 400 naming the field when a granted scope is well-formed but not in the loaded reference data. */
export function assertScopesLoaded(reference: ReferenceIndex, scopes: readonly string[], field: string, many: boolean): void {
  scopes.forEach((scope, index) => {
    if (reference.find(parseScope(scope))) return;
    const path = many ? `${field}[${index}]` : field;
    throw new AppError('invalid_body', `${path}: ${scope} is not in the loaded reference data`, { issues: [{ index: 0, path, message: `${scope} is not in the loaded reference data` }] });
  });
}
