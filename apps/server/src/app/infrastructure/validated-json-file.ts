import { describeIssues } from '@grid-command/contracts';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigError } from '../../config/app-config';

/** A JSON config file checked against its schema; a problem stops the start-up naming the variable, file and field. */
export async function readValidatedJson<T>(file: string, variable: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${variable}=${file}: cannot read it as JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error).map((issue) => `${variable}=${file}: ${issue}`));
  return parsed.data;
}

