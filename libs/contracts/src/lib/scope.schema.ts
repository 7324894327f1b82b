import { z } from 'zod';

export const SCOPE_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Digits of the code at each level: GB/T 2260 district code, then three 3-digit fields. */
export const SCOPE_CODE_LENGTH: Readonly<Record<ScopeLevel, number>> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 15,
};

export const gridCodeSchema = z
  .string()
  .regex(/^\d{15}$/, 'must be a 15-digit grid code (6-digit district + street, community and grid fields of 3 digits)');

/** `district:450103`, `street:450103001`, `community:450103001002`, `grid:450103001002015`. */
export const scopeIdSchema = z
  .string()
  .regex(
    /^(district:\d{6}|street:\d{9}|community:\d{12}|grid:\d{15})$/,
    'must be level:code with level district|street|community|grid and a code of 6, 9, 12 or 15 digits',
  );
export type ScopeId = z.infer<typeof scopeIdSchema>;

export const scopeSummarySchema = z.strictObject({
  scope: scopeIdSchema,
  level: z.enum(SCOPE_LEVELS),
  code: z.string(),
  name: z.string(),
});
export type ScopeSummary = z.infer<typeof scopeSummarySchema>;

export const scopeDetailSchema = scopeSummarySchema.extend({
  parent: scopeSummarySchema.nullable(),
  children: z.array(scopeSummarySchema),
  gridWorkers: z.number().int().nonnegative(),
  gridCount: z.number().int().nonnegative(),
});
export type ScopeDetail = z.infer<typeof scopeDetailSchema>;
