/** The live link as the wall sees it. `live` means subscribed and acknowledged by the server. */
export type ConnectionState = 'connecting' | 'live' | 'disconnected' | 'rejected';

/**
 * The link as judged by what arrives: `silent` when socket.io still believes it is connected but the server's
 * heartbeat is overdue (a network that stopped forwarding is noticed by socket.io's ping only after ~45 s).
 */
export type LinkState = ConnectionState | 'silent';

/**
 * - `waiting`: no data yet, still trying;
 * - `fresh`: connected and the data is younger than the dashboard allows;
 * - `stale`: connected but the data has not moved for longer than allowed (the pipeline is behind);
 * - `offline`: the link is down, refused or silent; whatever is shown is the last thing received.
 */
export type FreshnessLevel = 'waiting' | 'fresh' | 'stale' | 'offline';

export interface Freshness {
  readonly level: FreshnessLevel;
  readonly connection: LinkState;
  /** Whole seconds since the data's `asOf`; null before the first snapshot. */
  readonly ageSeconds: number | null;
}

export interface FreshnessInput {
  readonly connection: ConnectionState;
  readonly asOfMs: number | null;
  /** A stream the server sends at least every so often (snapshots) whose heartbeat is overdue (see HeartbeatWatch). */
  readonly silent?: boolean;
  readonly nowMs: number;
  readonly staleAfterSeconds: number;
}

export function assessFreshness(input: FreshnessInput): Freshness {
  const { connection, asOfMs, nowMs, staleAfterSeconds } = input;
  const ageSeconds = asOfMs === null ? null : Math.max(0, Math.floor((nowMs - asOfMs) / 1000));
  const linkDown = connection === 'disconnected' || connection === 'rejected';
  if (linkDown) return { level: 'offline', connection, ageSeconds };
  if (input.silent === true) return { level: 'offline', connection: 'silent', ageSeconds };
  if (ageSeconds === null) return { level: 'waiting', connection, ageSeconds };
  if (ageSeconds > staleAfterSeconds) return { level: 'stale', connection, ageSeconds };
  // A snapshot can arrive before the subscription is acknowledged; fresh data is fresh either way.
  return { level: 'fresh', connection, ageSeconds };
}

/** Whether the numbers on screen must be shown as out of date. */
export function isOutOfDate(freshness: Freshness): boolean {
  return freshness.level === 'stale' || freshness.level === 'offline';
}
