import { dashboardSchema, describeIssues, layoutProblemsOf, unreadableLayoutProblem, type Dashboard, type LayoutProblem } from '@grid-command/contracts';
import { createHash } from 'node:crypto';
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

/** The layout names of the directory: its `*.json` files (playlists and Grafana live in folders of their own). */
export async function layoutNames(directory: string): Promise<string[]> {
  return (await readdir(directory)).filter(isLayoutFileName).map((file) => file.slice(0, -5)).filter((name) => DASHBOARD_NAME.test(name));
}

export function isLayoutFileName(file: string): boolean {
  return file.endsWith('.json') && DASHBOARD_NAME.test(file.slice(0, -5));
}

/** A layout file's text checked: the layout and its revision, or what is wrong with it for the wall to say. */
export type LayoutText = { readonly ok: true; readonly dashboard: Dashboard; readonly revision: string } | { readonly ok: false; readonly problems: LayoutProblem[] };

/** The revision of a layout: a hash of its file's bytes, so the same file is the same revision on every server. */
export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function checkLayoutText(text: string): LayoutText {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [unreadableLayoutProblem((error as Error).message)] };
  }
  const parsed = dashboardSchema.safeParse(raw);
  return parsed.success ? { ok: true, dashboard: parsed.data, revision: revisionOf(text) } : { ok: false, problems: layoutProblemsOf(parsed.error) };
}
