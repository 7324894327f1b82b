import type { ReplaySpeed } from '@grid-command/contracts';

/**
 * A replay clock as data: replayed time runs at `speed` from an anchor while playing. Every change re-anchors at
 * the real moment it happens, so pausing, seeking or changing speed never makes the replayed time jump.
 */
export interface ReplayClockState {
  /** Replayed time at the anchor (epoch ms). */
  readonly anchorMs: number;
  /** Real (server-clock) time at the anchor (epoch ms). */
  readonly anchorRealMs: number;
  readonly speed: ReplaySpeed;
  readonly playing: boolean;
}

export function startReplayClock(startMs: number, speed: ReplaySpeed, realMs: number): ReplayClockState {
  return { anchorMs: startMs, anchorRealMs: realMs, speed, playing: true };
}

/** Replayed time at real time `realMs`, never past `realMs` itself: a replay cannot show what has not happened yet. */
export function replayTimeAt(state: ReplayClockState, realMs: number): number {
  const elapsed = state.playing ? Math.max(0, realMs - state.anchorRealMs) * state.speed : 0;
  return Math.min(state.anchorMs + elapsed, realMs);
}

/** Whether the replay has caught up with the present (it then holds there). */
export function hasCaughtUp(state: ReplayClockState, realMs: number): boolean {
  return replayTimeAt(state, realMs) >= realMs;
}

const reanchor = (state: ReplayClockState, realMs: number, change: Partial<ReplayClockState>): ReplayClockState => ({
  ...state,
  anchorMs: replayTimeAt(state, realMs),
  anchorRealMs: realMs,
  ...change,
});

export function pauseReplay(state: ReplayClockState, realMs: number): ReplayClockState {
  return reanchor(state, realMs, { playing: false });
}

export function playReplay(state: ReplayClockState, realMs: number): ReplayClockState {
  return reanchor(state, realMs, { playing: true });
}

export function setReplaySpeed(state: ReplayClockState, speed: ReplaySpeed, realMs: number): ReplayClockState {
  return reanchor(state, realMs, { speed });
}

/** Jumps to `targetMs` (clamped to the present), keeping play or pause. */
export function seekReplay(state: ReplayClockState, targetMs: number, realMs: number): ReplayClockState {
  return { ...state, anchorMs: Math.min(targetMs, realMs), anchorRealMs: realMs };
}
