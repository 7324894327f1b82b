import type { Alert, PlaylistEntry } from '@grid-command/contracts';

/** A critical alert holding the wall: which, where it is shown, and when the hold gives up on it. */
export interface CriticalHold {
  readonly alertId: string;
  readonly scope: string;
  readonly untilMs: number;
}

/**
 * Where a playlist stands: the entry on screen and when it ends. While held (a `pause` command, a critical alert, or
 * both) the clock of the entry stops: `heldRemainingMs` keeps what was left of its dwell, so it resumes from there.
 */
export interface Rotation {
  readonly index: number;
  readonly dueAtMs: number;
  readonly heldRemainingMs: number | null;
  readonly pausedByCommand: boolean;
  readonly critical: CriticalHold | null;
}

export type PauseReason = 'command' | 'critical';

export function startRotation(entries: readonly PlaylistEntry[], nowMs: number, index = 0): Rotation {
  return { index, dueAtMs: nowMs + dwellMs(entries, index), heldRemainingMs: null, pausedByCommand: false, critical: null };
}

export function dwellMs(entries: readonly PlaylistEntry[], index: number): number {
  return (entries[index]?.dwellSeconds ?? 0) * 1000;
}

export function isRunning(rotation: Rotation): boolean {
  return !rotation.pausedByCommand && rotation.critical === null;
}

/** Why the rotation stands still, the alert first (it is what the wall shows); null while it runs. */
export function pauseReason(rotation: Rotation): PauseReason | null {
  if (rotation.critical !== null) return 'critical';
  return rotation.pausedByCommand ? 'command' : null;
}

/** The entry's time is up (never while held). */
export function isDue(rotation: Rotation, nowMs: number): boolean {
  return isRunning(rotation) && nowMs >= rotation.dueAtMs;
}

/** Whole seconds until the next entry, counting down only while running. */
export function secondsToNext(rotation: Rotation, nowMs: number): number {
  const remaining = rotation.heldRemainingMs ?? rotation.dueAtMs - nowMs;
  return Math.max(0, Math.ceil(remaining / 1000));
}

/**
 * The entry after `index` that is not known to be unusable, going round; the same entry when it is the only usable
 * one; null when none is usable.
 */
export function nextEntryIndex(count: number, index: number, unusable: ReadonlySet<number>): number | null {
  for (let step = 1; step <= count; step += 1) {
    const candidate = (index + step) % count;
    if (!unusable.has(candidate)) return candidate;
  }
  return null;
}

/** On to the next usable entry with its full dwell; the rotation unchanged when no entry is usable. */
export function advance(rotation: Rotation, entries: readonly PlaylistEntry[], nowMs: number, unusable: ReadonlySet<number>): Rotation {
  const next = nextEntryIndex(entries.length, rotation.index, unusable);
  if (next === null) return rotation;
  return { ...rotation, index: next, dueAtMs: nowMs + dwellMs(entries, next), heldRemainingMs: null };
}

function freeze(rotation: Rotation, nowMs: number): Rotation {
  if (rotation.heldRemainingMs !== null) return rotation;
  return { ...rotation, heldRemainingMs: Math.max(0, rotation.dueAtMs - nowMs) };
}

function thawIfFree(rotation: Rotation, nowMs: number): Rotation {
  if (!isRunning(rotation) || rotation.heldRemainingMs === null) return rotation;
  return { ...rotation, dueAtMs: nowMs + rotation.heldRemainingMs, heldRemainingMs: null };
}

export function pauseRotation(rotation: Rotation, nowMs: number): Rotation {
  return { ...freeze(rotation, nowMs), pausedByCommand: true };
}

/** Lifts a `pause` command; a critical alert still holding keeps the rotation still. */
export function resumeRotation(rotation: Rotation, nowMs: number): Rotation {
  return thawIfFree({ ...rotation, pausedByCommand: false }, nowMs);
}

export function holdForCritical(rotation: Rotation, alert: Pick<Alert, 'id' | 'scope'>, nowMs: number, holdSeconds: number): Rotation {
  return { ...freeze(rotation, nowMs), critical: { alertId: alert.id, scope: criticalWallScope(alert.scope), untilMs: nowMs + holdSeconds * 1000 } };
}

/** The alert no longer holds the wall; the rotation runs on from where it stopped unless a `pause` command holds it. */
export function releaseCritical(rotation: Rotation, nowMs: number): Rotation {
  return thawIfFree({ ...rotation, critical: null }, nowMs);
}

/** A critical alert waiting for someone: raised and not yet acknowledged. */
export function isUnansweredCritical(alert: Pick<Alert, 'severity' | 'state'>): boolean {
  return alert.severity === 'critical' && alert.state === 'open';
}

/**
 * The critical alert the wall should stop for: unanswered, not already held for (a hold that ran out is not repeated),
 * the most recently opened first.
 */
export function criticalToHold(alerts: Iterable<Alert>, alreadyHeld: ReadonlySet<string>): Alert | null {
  let chosen: Alert | null = null;
  for (const alert of alerts) {
    if (!isUnansweredCritical(alert) || alreadyHeld.has(alert.id)) continue;
    if (chosen === null || alert.openedAt > chosen.openedAt) chosen = alert;
  }
  return chosen;
}

/** The hold is over: the alert was acknowledged, dispatched or closed (or is gone), or the hold time ran out. */
export function criticalHoldEnded(hold: CriticalHold, alert: Pick<Alert, 'severity' | 'state'> | undefined, nowMs: number): boolean {
  return alert === undefined || !isUnansweredCritical(alert) || nowMs >= hold.untilMs;
}

/**
 * Where a critical alert is shown: its own unit, except a grid, which has nothing below it to draw; its community
 * is the closest scope with a map, and the alert names the grid.
 */
export function criticalWallScope(alertScope: string): string {
  const grid = /^grid:(\d{12})\d{3}$/.exec(alertScope);
  return grid === null ? alertScope : `community:${grid[1]}`;
}

/** The next instant the player must look again: the entry's end, or the critical hold's. */
export function nextWakeMs(rotation: Rotation): number | null {
  if (rotation.critical !== null) return rotation.critical.untilMs;
  return isRunning(rotation) ? rotation.dueAtMs : null;
}
