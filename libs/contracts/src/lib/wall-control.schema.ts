import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';

/** The file name (without `.json`) of a layout in `dashboards/` or a playlist in `dashboards/playlists/`. */
export const layoutFileNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (at most 64)');

/**
 * What the console or `/ops` tells one connected wall to do (server → wall, socket event `wallCommand`):
 * reload the page (`reload`), show a layout on a scope (`show`, leaving any playlist), play a playlist from its
 * start (`playlist`), hold the playlist on what is on screen (`pause`) or go on rotating (`resume`).
 */
export const wallCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reload') }),
  z.strictObject({ kind: z.literal('show'), layout: layoutFileNameSchema, scope: scopeIdSchema.optional() }),
  z.strictObject({ kind: z.literal('playlist'), name: layoutFileNameSchema }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
]);
export type WallCommand = z.infer<typeof wallCommandSchema>;
export type WallCommandKind = WallCommand['kind'];
