const MINUTE_MS = 60_000;

export interface KpiPushTiming {
  /** Least time between two computations of one room, however often its data changes: the coalescing window. */
  readonly minIntervalMs: number;
  /** Longest a room goes without a push, changed or not, so a watcher can tell a silent link from quiet figures. */
  readonly heartbeatMs: number;
}

interface RoomState {
  changed: boolean;
  computing: boolean;
  lastComputedAt: number | null;
  lastPushedAt: number | null;
  fingerprint: string | null;
}

/**
 * When each watched KPI room is computed again and when the result is pushed; pure, on the caller's clock. A room
 * is due when something that can move its figures happened (`changed`), when a new minute began (overdue minutes
 * and the period's end move with the clock), or when its heartbeat is due; never while it is being computed, and
 * never sooner than `minIntervalMs` after its last computation, so a storm of stored reports costs one computation
 * per window. A result is pushed when its figures differ from the last pushed, or on the heartbeat.
 */
export class KpiPushSchedule {
  private readonly rooms = new Map<string, RoomState>();

  constructor(private readonly timing: KpiPushTiming) {}

  changed(room: string): void {
    const state = this.rooms.get(room);
    if (state) state.changed = true;
  }

  /** Of `rooms` (the ones with watchers), those to compute now. */
  due(rooms: Iterable<string>, now: number): string[] {
    return [...rooms].filter((room) => this.isDue(room, now));
  }

  /** Whether the room's last result still stands for a new watcher: nothing changed since, same minute, within a heartbeat. */
  isCurrent(room: string, now: number): boolean {
    const state = this.rooms.get(room);
    if (!state || state.changed || state.lastComputedAt === null) return false;
    return minuteOf(now) === minuteOf(state.lastComputedAt) && now - state.lastComputedAt < this.timing.heartbeatMs;
  }

  started(room: string, now: number): void {
    const state = this.rooms.get(room) ?? { changed: false, computing: false, lastComputedAt: null, lastPushedAt: null, fingerprint: null };
    state.changed = false;
    state.computing = true;
    state.lastComputedAt = now;
    this.rooms.set(room, state);
  }

  /** The room's computation ended with figures of this fingerprint (`kpiFingerprint`): true when they are to be pushed. */
  finished(room: string, fingerprint: string, now: number): boolean {
    const state = this.rooms.get(room);
    if (!state) return false;
    state.computing = false;
    const push = fingerprint !== state.fingerprint || state.lastPushedAt === null || now - state.lastPushedAt >= this.timing.heartbeatMs;
    state.fingerprint = fingerprint;
    if (push) state.lastPushedAt = now;
    return push;
  }

  /** The computation failed: the room stays due, and is tried again after the window. */
  failed(room: string): void {
    const state = this.rooms.get(room);
    if (!state) return;
    state.computing = false;
    state.changed = true;
  }

  /** Forgets the rooms nobody watches any longer. */
  retainOnly(rooms: ReadonlySet<string>): void {
    for (const room of this.rooms.keys()) if (!rooms.has(room)) this.rooms.delete(room);
  }

  private isDue(room: string, now: number): boolean {
    const state = this.rooms.get(room);
    if (!state || state.lastComputedAt === null) return true;
    if (state.computing || now - state.lastComputedAt < this.timing.minIntervalMs) return false;
    if (state.changed || minuteOf(now) !== minuteOf(state.lastComputedAt)) return true;
    return state.lastPushedAt === null || now - state.lastPushedAt >= this.timing.heartbeatMs;
  }
}

function minuteOf(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS);
}
