import { dashboardSchema, describeIssues, type Dashboard } from '@grid-command/contracts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DashboardFileError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`dashboard ${file} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'DashboardFileError';
  }
}

export const DASHBOARD_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function readDashboard(directory: string, name: string): Promise<Dashboard> {
  const file = join(directory, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DashboardFileError(file, [(error as Error).message]);
  }
  const parsed = dashboardSchema.safeParse(raw);
  if (!parsed.success) throw new DashboardFileError(file, describeIssues(parsed.error));
  return parsed.data;
}

/** Every `*.json` in the directory, validated: a broken wall layout stops the start-up instead of a screen. */
export async function validateDashboards(directory: string): Promise<string[]> {
  const names = (await readdir(directory)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  for (const name of names) await readDashboard(directory, name);
  return names;
}
