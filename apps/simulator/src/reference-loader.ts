import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReferenceFile } from '@grid-command/contracts';
import { validateReferenceFile } from '@grid-command/domain';

/** Reads and validates a district reference file; errors say which file and what is wrong with it. */
export async function loadReferenceFile(path: string): Promise<ReferenceFile> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new Error(`--reference ${path}: cannot read ${absolute} (${error instanceof Error ? error.message : String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`--reference ${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateReferenceFile(raw, absolute);
}
