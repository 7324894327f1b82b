import type { z } from 'zod';

/** `['reports', 3, 'gridCode']` → `reports[3].gridCode`, the way people read paths in error messages. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** One line per issue, naming the field: for config errors and CLI messages. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`);
}

/**
 * The field an issue is about, as `formatIssuePath` writes it, naming unknown keys too: zod reports those on the
 * object that holds them, with their names in `keys` (a strict body that still sends `by` answers `by`).
 */
export function issueField(issue: { readonly path: ReadonlyArray<PropertyKey>; readonly code: string; readonly keys?: readonly string[] }): string {
  const base = formatIssuePath(issue.path);
  if (issue.code !== 'unrecognized_keys' || !issue.keys || issue.keys.length === 0) return base;
  return issue.keys.map((key) => (base ? `${base}.${key}` : key)).join(', ');
}
