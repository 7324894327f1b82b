import { z } from 'zod';
import { areaGeometrySchema } from './geojson.schema';
import { SCOPE_LEVELS } from './scope.schema';

export const REFERENCE_FORMAT_VERSION = 1;

const featureProperties = z.strictObject({
  level: z.enum(SCOPE_LEVELS),
  code: z.string().regex(/^\d{6}(\d{3}){0,3}$/, 'must be 6, 9, 12 or 15 digits'),
  name: z.string().min(1).max(64),
  /** Full-time grid workers; grids only. */
  workers: z.int().nonnegative().optional(),
  /** Registered residents; lets rankings show volume per 10,000 residents. */
  population: z.int().positive().optional(),
});

/**
 * A district's reference data: a GeoJSON FeatureCollection with one feature per district, street,
 * community and grid, plus a `gridCommand` member naming the format version. Any GIS tool can open it.
 */
export const referenceFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  gridCommand: z.strictObject({
    formatVersion: z.literal(REFERENCE_FORMAT_VERSION),
    city: z.string().min(1),
    generatedBy: z.string().optional(),
  }),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().optional(),
        properties: featureProperties,
        geometry: areaGeometrySchema,
      }),
    )
    .min(1),
});
export type ReferenceFile = z.infer<typeof referenceFileSchema>;
export type ReferenceFeature = ReferenceFile['features'][number];
