import { areaGeometrySchema, type ScopeFeatureCollection } from '@grid-command/contracts';
import { z } from 'zod';

/** `GET /api/v1/geo/{scope}`: the contract types it, this checks it before ECharts draws it. */
export const scopeFeatureCollectionSchema: z.ZodType<ScopeFeatureCollection> = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ scope: z.string(), code: z.string(), name: z.string() }),
      geometry: areaGeometrySchema,
    }),
  ),
});
