/**
 * Replay: `GET /api/v1/snapshot?scope=…&at=ISO` and `GET /api/v1/kpis?…&at=ISO` answer with the figures as they stood
 * at `at` (an ISO-8601 instant with an offset). The screen's replay wall asks for them at its replay clock's time.
 */

/** How far ahead of the server's clock `at` may lie: a console whose clock runs a little fast is not refused. */
export const REPLAY_MAX_FUTURE_SKEW_SECONDS = 60;

/** The speeds the replay wall offers (replayed seconds per real second). */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
