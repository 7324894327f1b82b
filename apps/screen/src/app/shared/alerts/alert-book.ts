import type { Alert } from '@grid-command/contracts';

/**
 * The alerts a console or ticker holds, and the highest version seen of every alert it has heard of. Socket notices,
 * the full refresh and the catch-up after a reconnect all arrive here, in any order and more than once: whatever
 * carries the higher `version` wins, so applying the same thing twice, or an older answer late, changes nothing.
 */
export interface AlertBook {
  readonly alerts: ReadonlyMap<string, Alert>;
  /** Highest version seen per alert id, kept after the alert itself leaves the book (a late, older copy stays out). */
  readonly versions: ReadonlyMap<string, number>;
}

/** How many versions are remembered for alerts no longer held; the oldest entries go first. */
export const MAX_REMEMBERED_VERSIONS = 20_000;

export const EMPTY_BOOK: AlertBook = { alerts: new Map(), versions: new Map() };

function isNewer(book: AlertBook, alert: Alert): boolean {
  return alert.version > (book.versions.get(alert.id) ?? 0);
}

function remember(versions: Map<string, number>, alert: Alert): void {
  // Re-inserting moves the id to the end, so the trim below drops what was heard of longest ago.
  versions.delete(alert.id);
  versions.set(alert.id, alert.version);
}

function trimmed(versions: Map<string, number>, alerts: ReadonlyMap<string, Alert>): Map<string, number> {
  if (versions.size <= MAX_REMEMBERED_VERSIONS) return versions;
  for (const id of versions.keys()) {
    if (versions.size <= MAX_REMEMBERED_VERSIONS) break;
    if (!alerts.has(id)) versions.delete(id);
  }
  return versions;
}

/** One alert as a notice, an action's answer or a 409's body carries it; the same book back when it is not newer. */
export function applyAlert(book: AlertBook, alert: Alert): AlertBook {
  if (!isNewer(book, alert)) return book;
  const alerts = new Map(book.alerts);
  alerts.set(alert.id, alert);
  const versions = new Map(book.versions);
  remember(versions, alert);
  return { alerts, versions: trimmed(versions, alerts) };
}

/** Several alerts at once (a catch-up list), each kept only where newer. */
export function applyAlerts(book: AlertBook, incoming: readonly Alert[]): AlertBook {
  let next = book;
  for (const alert of incoming) next = applyAlert(next, alert);
  return next;
}

/**
 * The answer of a full list request computed by the server at `asOfMs`. Alerts it lists are taken where newer.
 * An alert held but not listed has left the list (closed, or moved out of the query) unless it changed after the
 * list was computed: a notice that overtook the answer, which the answer cannot speak for.
 */
export function applyRefresh(book: AlertBook, listed: readonly Alert[], asOfMs: number): AlertBook {
  const listedIds = new Set(listed.map((alert) => alert.id));
  const alerts = new Map<string, Alert>();
  for (const [id, alert] of book.alerts) {
    if (listedIds.has(id) || Date.parse(alert.updatedAt) > asOfMs) alerts.set(id, alert);
  }
  const versions = new Map(book.versions);
  for (const alert of listed) {
    const held = alerts.get(alert.id);
    // A list may name again, in the version already seen, an alert an earlier, narrower list had dropped.
    const wanted = held === undefined ? alert.version >= (book.versions.get(alert.id) ?? 0) : alert.version > held.version;
    if (!wanted) continue;
    alerts.set(alert.id, alert);
    remember(versions, alert);
  }
  return { alerts, versions: trimmed(versions, alerts) };
}

/** Of a catch-up list, the alerts the book did not know in this version: what the console missed while away. */
export function missedUpdates(book: AlertBook, sinceList: readonly Alert[]): Alert[] {
  return sinceList.filter((alert) => isNewer(book, alert));
}

/** Margin taken off the catch-up instant: a change committed just before the last answer may carry an earlier time. */
export const CATCH_UP_MARGIN_MS = 5000;

/**
 * `updatedSince` of the catch-up request after a reconnect: the last list's `asOf` or the latest `updatedAt` heard
 * over the socket, whichever is later, less a small margin. Null before anything was received (nothing to catch up).
 */
export function catchUpSince(lastAsOfMs: number | null, book: AlertBook, marginMs = CATCH_UP_MARGIN_MS): string | null {
  let latest = lastAsOfMs ?? Number.NEGATIVE_INFINITY;
  for (const alert of book.alerts.values()) latest = Math.max(latest, Date.parse(alert.updatedAt));
  return Number.isFinite(latest) ? new Date(latest - marginMs).toISOString() : null;
}
