import type { ReferenceFile } from '@grid-command/contracts';
import { ReferenceIndex, ReferenceValidationError, validateReferenceFile } from '@grid-command/domain';
import { readFile } from 'node:fs/promises';

/** Loads and validates every district file; a bad file stops the start-up with the list of its problems. */
export async function loadReferenceIndex(files: readonly string[]): Promise<ReferenceIndex> {
  const districts: ReferenceFile[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ReferenceValidationError(file, [`cannot read it as JSON: ${(error as Error).message}`]);
    }
    districts.push(validateReferenceFile(raw, file));
  }
  return new ReferenceIndex(districts);
}
