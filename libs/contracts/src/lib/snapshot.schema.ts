import { z } from 'zod';
import { REPORT_CATEGORIES } from './categories';
import { gridCodeSchema, scopeIdSchema } from './scope.schema';

export const TREND_MINUTES = 60;
export const HEAT_MINUTES = 60;

const isoInstant = z.iso.datetime({ offset: true });

/** The live metrics of one scope, as ClickHouse holds them at `asOf`. Served over HTTP and pushed over socket.io. */
export const snapshotSchema = z.strictObject({
  scope: scopeIdSchema,
  name: z.string(),
  asOf: isoInstant,
  /** Newest `reportedAt` included; null while the scope has no report. */
  watermark: isoInstant.nullable(),
  timezone: z.string(),
  totals: z.strictObject({
    /** Reports since midnight in the configured time zone (受理量). */
    reported: z.number().int().nonnegative(),
    /** Reports in the last 60 minutes. */
    lastHour: z.number().int().nonnegative(),
    /** Grids of the scope with at least one report in the last 60 minutes. */
    activeGrids: z.number().int().nonnegative(),
    /** Grids of the scope. */
    grids: z.number().int().nonnegative(),
  }),
  /** Reports per minute, oldest first, the last entry being the current (partial) minute. */
  trend: z.array(z.strictObject({ minute: isoInstant, count: z.number().int().nonnegative() })).length(TREND_MINUTES),
  /** Reports today per category, every category present, largest first. */
  byCategory: z.array(z.strictObject({ category: z.enum(REPORT_CATEGORIES), count: z.number().int().nonnegative() })),
  /** The scope's children by reports today, largest first; empty for a grid. */
  ranking: z.array(z.strictObject({ scope: scopeIdSchema, name: z.string(), count: z.number().int().nonnegative() })),
  /** Reports per grid in the last 60 minutes; grids without reports are left out. */
  heat: z.array(z.strictObject({ gridCode: gridCodeSchema, count: z.number().int().positive() })),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
