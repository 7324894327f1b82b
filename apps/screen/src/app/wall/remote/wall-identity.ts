import { isWellFormedText } from '@grid-command/contracts';

const WALL_ID_KEY = 'gc.wall.id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_LABEL = 64;

/**
 * The wall's id: made once and kept in the browser profile (localStorage), so a kiosk is the same wall across reloads,
 * reconnections and restarts of the browser. A profile that keeps nothing (private mode) gets a new one per page.
 */
export function wallIdOf(storage: Pick<Storage, 'getItem' | 'setItem'> | null, newId: () => string): string {
  const kept = readSafely(() => storage?.getItem(WALL_ID_KEY) ?? null);
  if (kept !== null && UUID.test(kept)) return kept;
  const id = newId().toLowerCase();
  readSafely(() => storage?.setItem(WALL_ID_KEY, id));
  return id;
}

/** `?label=大厅左屏`: the name the operators' page shows for this kiosk; null when the address gives none. */
export function wallLabelOf(search: string): string | null {
  const label = new URLSearchParams(search).get('label')?.trim() ?? '';
  if (label === '' || !isWellFormedText(label)) return null;
  return [...label].slice(0, MAX_LABEL).join('');
}

/** Storage can throw (disabled, full, sandboxed): the wall works without it. */
function readSafely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
