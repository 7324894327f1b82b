import { z } from 'zod';

/**
 * Text the store can hold: valid JSON may still carry a lone UTF-16 surrogate (a string cut in the middle of an
 * emoji), which JavaScript keeps but ClickHouse refuses on insert, so every free-text field refuses it up front.
 */
export function isWellFormedText(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(value) : hasOnlyPairedSurrogates(value);
}

/** For runtimes without `String.prototype.isWellFormed` (k6's JavaScript engine). */
function hasOnlyPairedSurrogates(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index += 1;
    }
  }
  return true;
}

export const ILL_FORMED_TEXT_MESSAGE = 'must be valid Unicode text (it holds a lone UTF-16 surrogate, e.g. an emoji cut in half)';

/** A string of `min`..`max` characters of valid Unicode, trimmed when `trim` is set. */
export function wellFormedText(options: { min?: number; max: number; what?: string; trim?: boolean }) {
  const base = options.trim ? z.string().trim() : z.string();
  const bounded = base
    .min(options.min ?? 0, options.min ? `${options.what ?? 'this'} needs at least ${options.min} characters` : undefined)
    .max(options.max, `${options.what ?? 'this'} is at most ${options.max} characters`);
  return bounded.refine(isWellFormedText, ILL_FORMED_TEXT_MESSAGE);
}

/**
 * The path of the first string in a parsed JSON value (keys included) that is not valid Unicode, or null. Used at
 * every boundary (bodies, queries, socket payloads) so a field no schema names yet is refused too.
 */
export function findIllFormedText(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : [...path];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findIllFormedText(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormedText(key)) return [...path, key];
      const found = findIllFormedText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
