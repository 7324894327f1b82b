import { findIllFormedText, formatIssuePath, ILL_FORMED_TEXT_MESSAGE } from '@grid-command/contracts';
import { AppError } from './errors/app-error';

/**
 * 400 naming the first string (or key) of a parsed body, query or payload that is not valid Unicode, or null. The
 * path reads like the schemas' (`[3].description`); `index` is the element of a top-level array it lies in. A key
 * that is itself ill-formed is named with its bad half escaped, so the message is valid text too.
 */
export function illFormedTextError(value: unknown, code: 'invalid_body' | 'invalid_parameter'): AppError | null {
  const path = findIllFormedText(value);
  if (path === null) return null;
  const readable = formatIssuePath(path.map((segment) => (typeof segment === 'string' ? escapeLoneSurrogates(segment) : segment)));
  const index = Array.isArray(value) && typeof path[0] === 'number' ? path[0] : 0;
  const where = readable === '' ? (code === 'invalid_body' ? 'body' : 'query') : readable;
  return new AppError(code, `${where}: ${ILL_FORMED_TEXT_MESSAGE}`, { issues: [{ index, path: readable, message: ILL_FORMED_TEXT_MESSAGE }] });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}
