/** Fast start, gentle landing: the eye reads the new figure before the motion ends. */
export function easeOutCubic(progress: number): number {
  const t = Math.min(1, Math.max(0, progress));
  return 1 - (1 - t) ** 3;
}

/** The whole number shown `elapsedMs` into counting from `from` to `to`; exactly `to` once `durationMs` has passed. */
export function tweenCount(from: number, to: number, elapsedMs: number, durationMs: number): number {
  if (durationMs <= 0 || elapsedMs >= durationMs) return to;
  return Math.round(from + (to - from) * easeOutCubic(elapsedMs / durationMs));
}
