import { describeIssues, playlistSchema, type Playlist } from '@grid-command/contracts';
import { isWithinGrants, parseScope, type ReferenceIndex } from '@grid-command/domain';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DashboardFileError, readDashboard } from './dashboard-files';

/** Playlists live beside the layouts they name, in a folder of their own. */
export const PLAYLIST_FOLDER = 'playlists';

export class PlaylistFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`playlist ${file} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PlaylistFileError';
  }
}

export function playlistFile(dashboardDir: string, name: string): string {
  return join(dashboardDir, PLAYLIST_FOLDER, `${name}.json`);
}

/**
 * The playlist `name`, validated against its schema and against what it names: every layout must be a valid layout
 * of `dashboardDir`, every scope loaded and within the playlist's own (the area whose critical alerts it watches).
 */
export async function readPlaylist(dashboardDir: string, name: string, reference: ReferenceIndex): Promise<Playlist> {
  const file = playlistFile(dashboardDir, name);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PlaylistFileError(file, [(error as Error).message]);
  }
  const parsed = playlistSchema.safeParse(raw);
  if (!parsed.success) throw new PlaylistFileError(file, describeIssues(parsed.error));
  const problems = await namedThingsProblems(dashboardDir, parsed.data, reference);
  if (problems.length > 0) throw new PlaylistFileError(file, problems);
  return parsed.data;
}

async function namedThingsProblems(dashboardDir: string, playlist: Playlist, reference: ReferenceIndex): Promise<string[]> {
  const problems: string[] = [];
  if (!isLoaded(reference, playlist.scope)) problems.push(`scope: ${playlist.scope} is not in the loaded reference data`);
  const layoutScopes = new Map<string, string | null>();
  for (const [index, entry] of playlist.entries.entries()) {
    if (!layoutScopes.has(entry.layout)) layoutScopes.set(entry.layout, await layoutScope(dashboardDir, entry.layout));
    const ownScope = layoutScopes.get(entry.layout) ?? null;
    if (ownScope === null) {
      problems.push(`entries[${index}].layout: no valid layout named ${entry.layout}`);
      continue;
    }
    const shown = entry.scope ?? ownScope;
    const field = entry.scope === undefined ? `entries[${index}].layout (its scope ${shown})` : `entries[${index}].scope`;
    if (!isLoaded(reference, shown)) problems.push(`${field}: ${shown} is not in the loaded reference data`);
    else if (!isWithinGrants([playlist.scope], shown)) problems.push(`${field}: ${shown} is not within the playlist's scope ${playlist.scope}`);
  }
  return problems;
}

/** The layout's own scope, or null when there is no such layout or it is invalid. */
async function layoutScope(dashboardDir: string, layout: string): Promise<string | null> {
  if (!existsSync(join(dashboardDir, `${layout}.json`))) return null;
  try {
    return (await readDashboard(dashboardDir, layout)).scope;
  } catch (error) {
    if (error instanceof DashboardFileError) return null;
    throw error;
  }
}

/** The schema let only well-formed scope ids through, so parsing cannot fail here. */
function isLoaded(reference: ReferenceIndex, scope: string): boolean {
  return reference.find(parseScope(scope)) !== undefined;
}

/** Every playlist, validated: a broken one stops the start-up like a broken layout does. */
export async function validatePlaylists(dashboardDir: string, reference: ReferenceIndex): Promise<string[]> {
  const folder = join(dashboardDir, PLAYLIST_FOLDER);
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  for (const name of names) await readPlaylist(dashboardDir, name, reference);
  return names;
}
