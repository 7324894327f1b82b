import { z } from 'zod';
import { PRINCIPAL_KINDS } from './identity.schema';
import { namedScopeSchema } from './ops.schema';
import { scopeIdSchema } from './scope.schema';
import { layoutFileNameSchema, wallCommandSchema } from './wall-control.schema';
import { wellFormedText } from './well-formed-text';

const instant = z.iso.datetime({ offset: true });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A wall's own id: a UUID the browser profile keeps (localStorage), so a kiosk is the same wall across reloads and
 * reconnections. Lower-cased, because Redis compares keys as text.
 */
export const wallIdSchema = z
  .string()
  .regex(UUID, 'must be a UUID')
  .transform((value) => value.toLowerCase());
export type WallId = z.infer<typeof wallIdSchema>;

/** Why a wall reloaded itself: told to (`remote`), heap over the hard bound (`heap_hard`), heap over its bound or growing (`heap`), frame rate too low (`fps`). */
export const WALL_RELOAD_REASONS = ['remote', 'heap_hard', 'heap', 'fps'] as const;
export type WallReloadReason = (typeof WALL_RELOAD_REASONS)[number];

export const WALL_SOCKET_STATES = ['connecting', 'live', 'disconnected', 'rejected'] as const;

/** The playlist the wall plays, when it plays one. */
export const wallPlaylistStateSchema = z.strictObject({
  name: layoutFileNameSchema,
  /** The entry on screen, from 0. */
  position: z.number().int().min(0).max(999),
  length: z.number().int().min(1).max(1000),
  /** Held by a `pause` command (what `resume` undoes); a critical alert's hold is not a pause. */
  paused: z.boolean(),
});
export type WallPlaylistState = z.infer<typeof wallPlaylistStateSchema>;

/**
 * What a wall tells the server about itself every ~10 s (socket event `reportWallHealth`). Every figure is bounded;
 * a browser that cannot measure one (heap outside Chromium) sends null.
 */
export const wallHealthSchema = z.strictObject({
  wallId: wallIdSchema,
  /** A name the kiosk was given in its address (`?label=大厅左屏`); null: the operators' page names it by its owner. */
  label: wellFormedText({ min: 1, max: 64, what: 'a wall label', trim: true }).nullable(),
  layout: layoutFileNameSchema,
  /** The layout's content hash, when the server serves one. */
  revision: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"').nullable(),
  scope: scopeIdSchema,
  playlist: wallPlaylistStateSchema.nullable(),
  heapUsedMb: z.number().nonnegative().max(1_000_000).nullable(),
  /** Frames per second over the last report interval (requestAnimationFrame). */
  framesPerSecond: z.number().nonnegative().max(1_000).nullable(),
  socket: z.enum(WALL_SOCKET_STATES),
  /** Seconds since the newest figures on screen were computed; null before the first. */
  dataAgeSeconds: z.number().nonnegative().max(1e9).nullable(),
  mode: z.enum(['live', 'replay']),
  uptimeSeconds: z.number().nonnegative().max(1e9),
  reloads: z.strictObject({
    /** Reloads of this tab so far (a remote or self-healing reload; not the first load). */
    count: z.number().int().min(0).max(1_000_000),
    lastReason: z.enum(WALL_RELOAD_REASONS).nullable(),
    lastAt: instant.nullable(),
  }),
});
export type WallHealth = z.infer<typeof wallHealthSchema>;

/**
 * The bounds a wall holds itself to, from the server's config (WALL_HEAP_LIMIT_MB, WALL_HEAP_HARD_LIMIT_MB,
 * WALL_HEAP_GROWTH_MB_PER_HOUR, WALL_MIN_FPS, WALL_QUIET_HOURS), sent in the acknowledgement of every health report.
 * `quietHours` are HH:MM in `timeZone`, the deployment's; `end` before `start` spans midnight.
 */
export interface WallHealPolicy {
  readonly heapLimitMb: number;
  readonly heapHardLimitMb: number;
  readonly heapGrowthMbPerHour: number;
  readonly minFps: number;
  readonly quietHours: { readonly start: string; readonly end: string };
  readonly timeZone: string;
}

export type WallHealthAck = { ok: true; policy: WallHealPolicy } | { ok: false; error: 'invalid_health' | 'forbidden' | 'rate_limited' | 'token_expired'; message: string };

/** One wall on `GET /api/v1/ops/walls`: its latest report and who and where it is. */
export const fleetWallSchema = z.strictObject({
  health: wallHealthSchema,
  /** The display token's name or the username the wall runs on. */
  owner: z.string(),
  ownerKind: z.enum(PRINCIPAL_KINDS),
  scope: namedScopeSchema,
  reportedAt: instant,
  /** No report for longer than `staleAfterSeconds`: the wall may be frozen or cut off. */
  stale: z.boolean(),
});
export type FleetWall = z.infer<typeof fleetWallSchema>;

export const wallFleetSchema = z.strictObject({
  at: instant,
  timeZone: z.string(),
  staleAfterSeconds: z.number().positive(),
  walls: z.array(fleetWallSchema),
});
export type WallFleet = z.infer<typeof wallFleetSchema>;

/** `202` of `POST /api/v1/ops/walls/:id/commands`: the command went to the wall's live process. */
export const wallCommandSentSchema = z.strictObject({ wallId: z.string(), command: wallCommandSchema });
export type WallCommandSent = z.infer<typeof wallCommandSentSchema>;

/** The socket.io room of one wall, joined with its first health report: commands reach it whatever scope it shows. */
export function wallRoomOf(wallId: string): string {
  return `wall@${wallId}`;
}
