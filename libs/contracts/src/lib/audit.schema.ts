import { z } from 'zod';
import { boundedInstantSchema } from './time-bounds';
import { wellFormedText } from './well-formed-text';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_ACTOR_KINDS = ['user', 'ingest_key', 'display_token', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** `auth.login`, `alert.acknowledge`, `ticket.dispatched`: lower-case words joined by dots. */
export const auditActionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,3}$/, 'must be a dotted action name such as auth.login or alert.acknowledge')
  .max(64);

export const auditActorSchema = z.strictObject({
  kind: z.enum(AUDIT_ACTOR_KINDS),
  id: z.string(),
  name: z.string(),
});

/**
 * One line of the append-only audit log, as stored and as `GET /api/v1/audit` lists it. `actor` is null for an
 * anonymous caller (a failed login); `detail` holds a few facts (a count, a scope), never a secret.
 */
export const auditEntrySchema = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  actor: auditActorSchema.nullable(),
  target: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  sourceIp: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const MAX_AUDIT_ENTRIES_PER_PAGE = 1000;

/**
 * `GET /api/v1/audit` query: entries at or after `from` and before `to` (instants with an offset between 2000 and
 * 2100), of one action, one actor's name and one outcome, newest first, at most `limit`.
 */
export const auditQuerySchema = z
  .strictObject({
    from: boundedInstantSchema.optional(),
    to: boundedInstantSchema.optional(),
    action: auditActionSchema.optional(),
    actor: wellFormedText({ min: 1, max: 64, what: 'an actor name' }).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_ENTRIES_PER_PAGE).default(200),
  })
  .superRefine((query, context) => {
    if (query.from !== undefined && query.to !== undefined && Date.parse(query.to) <= Date.parse(query.from)) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    }
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditListSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  /** More entries match than `limit`: narrow the range or the filters. */
  truncated: z.boolean(),
});
export type AuditList = z.infer<typeof auditListSchema>;
