import { WALL_RELOAD_REASONS, type WallReloadReason } from '@grid-command/contracts';

const RELOADS_KEY = 'gc.wall.reloads';
const RESUME_KEY = 'gc.wall.resume';

/** The reloads of this tab so far (sessionStorage survives `location.reload()`, not a new tab). */
export interface ReloadRecord {
  readonly count: number;
  readonly lastReason: WallReloadReason | null;
  readonly lastAt: string | null;
}

/** Where a playlist was when the page reloaded, so the player goes on from there instead of its first entry. */
export interface PlaylistResume {
  readonly playlist: string;
  readonly index: number;
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const NONE: ReloadRecord = { count: 0, lastReason: null, lastAt: null };

export function readReloads(storage: SessionStore | null): ReloadRecord {
  const parsed = parseSafely(storage, RELOADS_KEY) as Partial<ReloadRecord> | null;
  if (parsed === null || typeof parsed.count !== 'number' || !Number.isInteger(parsed.count) || parsed.count < 0) return NONE;
  const reason = WALL_RELOAD_REASONS.find((known) => known === parsed.lastReason) ?? null;
  const lastAt = typeof parsed.lastAt === 'string' && !Number.isNaN(Date.parse(parsed.lastAt)) ? parsed.lastAt : null;
  return { count: Math.min(parsed.count, 1_000_000), lastReason: reason, lastAt };
}

/**
 * Notes a reload about to happen, and where the playlist stands. The layout and scope need no note: the address
 * carries them (a drill-down, a `show` and a playlist all keep it current), and `location.reload()` keeps the address.
 */
export function noteReload(storage: SessionStore | null, reason: WallReloadReason, at: Date, resume: PlaylistResume | null): ReloadRecord {
  const record: ReloadRecord = { count: readReloads(storage).count + 1, lastReason: reason, lastAt: at.toISOString() };
  writeSafely(() => storage?.setItem(RELOADS_KEY, JSON.stringify(record)));
  writeSafely(() => (resume === null ? storage?.removeItem(RESUME_KEY) : storage?.setItem(RESUME_KEY, JSON.stringify(resume))));
  return record;
}

/** The position a reload left `playlist` at, once: taken, it is gone, so a later start of the playlist begins at its top. */
export function takePlaylistResume(storage: SessionStore | null, playlist: string): number | null {
  const parsed = parseSafely(storage, RESUME_KEY) as Partial<PlaylistResume> | null;
  writeSafely(() => storage?.removeItem(RESUME_KEY));
  if (parsed === null || parsed.playlist !== playlist || typeof parsed.index !== 'number' || !Number.isInteger(parsed.index) || parsed.index < 0) return null;
  return parsed.index;
}

function parseSafely(storage: SessionStore | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw === null || raw === undefined ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function writeSafely(write: () => void): void {
  try {
    write();
  } catch {
    // A storage that refuses (full, disabled) costs the note, not the reload.
  }
}
