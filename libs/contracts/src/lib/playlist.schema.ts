import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';
import { layoutFileNameSchema } from './wall-control.schema';

const label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** Bounds of one entry's time on screen: long enough to read, short enough that the tour moves. */
export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3600;

/** One stop of a playlist: a layout of `dashboards/`, on its own scope or on `scope`, for `dwellSeconds`. */
export const playlistEntrySchema = z.strictObject({
  layout: layoutFileNameSchema,
  scope: scopeIdSchema.optional(),
  dwellSeconds: z.int().min(MIN_DWELL_SECONDS).max(MAX_DWELL_SECONDS),
});
export type PlaylistEntry = z.infer<typeof playlistEntrySchema>;

/**
 * A wall's carousel (`dashboards/playlists/*.json`, shown by `/?playlist=name`): the entries in order, each for its
 * dwell time, round and round. A critical alert anywhere in `scope` pauses the rotation on that alert's place until
 * it is acknowledged or closed, or for `criticalHoldSeconds` at most, then the rotation goes on where it stopped.
 */
export const playlistSchema = z.strictObject({
  version: z.literal(1),
  title: label,
  /** The area whose critical alerts interrupt the tour; every entry shows a scope within it. */
  scope: scopeIdSchema,
  entries: z.array(playlistEntrySchema).min(1).max(100),
  /** `pause`: a critical alert holds the wall on it; `ignore`: the tour goes on (the layouts' tickers still show it). */
  onCritical: z.enum(['pause', 'ignore']).default('pause'),
  /** The longest a critical alert holds the wall while nobody acknowledges it. */
  criticalHoldSeconds: z.int().min(10).max(3600).default(300),
});
export type Playlist = z.infer<typeof playlistSchema>;
