import { z } from 'zod';
import { REPORT_CATEGORIES, type Label } from './categories';
import { gridCodeSchema } from './scope.schema';
import { boundedInstantSchema } from './time-bounds';
import { wellFormedText } from './well-formed-text';

/**
 * Where a ticket is in 报单 → 派单 → 签收 → 办结 → 验单. `escalated` is 吹哨 (waiting for departments to report),
 * `suspended` is 挂起 (clock paused), `reopened` is 重办 (the resident rejected the resolution).
 */
export const TICKET_STATES = [
  'reported',
  'dispatched',
  'accepted',
  'escalated',
  'suspended',
  'resolved',
  'verified',
  'reopened',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_STATE_LABELS: Readonly<Record<TicketState, Label>> = {
  reported: { zh: '待派单', en: 'Reported' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  accepted: { zh: '已签收', en: 'Accepted' },
  escalated: { zh: '已吹哨', en: 'Escalated' },
  suspended: { zh: '已挂起', en: 'Suspended' },
  resolved: { zh: '已办结', en: 'Resolved' },
  verified: { zh: '已验单', en: 'Verified' },
  reopened: { zh: '重办', en: 'Reopened' },
};

export const TICKET_EVENT_TYPES = [
  'dispatched',
  'accepted',
  'resolved',
  'verified',
  'reopened',
  'escalated',
  'suspended',
  'resumed',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export const TICKET_EVENT_LABELS: Readonly<Record<TicketEventType | 'reported', Label>> = {
  reported: { zh: '报单', en: 'Reported' },
  dispatched: { zh: '派单', en: 'Dispatched' },
  accepted: { zh: '签收', en: 'Accepted' },
  resolved: { zh: '办结', en: 'Resolved' },
  verified: { zh: '验单', en: 'Verified' },
  reopened: { zh: '重办', en: 'Reopened' },
  escalated: { zh: '吹哨', en: 'Escalated' },
  suspended: { zh: '挂起', en: 'Suspended' },
  resumed: { zh: '恢复', en: 'Resumed' },
};

/** 满意 · 基本满意 · 不满意, as the 12345 hotline asks it; the first two count as satisfied. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, Label>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const ticketIdSchema = z.uuid();

const departmentSchema = wellFormedText({ min: 1, max: 64, what: 'a department', trim: true });

/**
 * The body of `POST /api/v1/tickets/{id}/events`. Dispatch and escalation name the department that must act,
 * verification carries the resident's satisfaction, suspension its reason (in `note`). It names no actor: the
 * event is recorded under the authenticated principal's name (a user's username, or the ingest key's name for a
 * source system such as the 12345 hotline), and a body that still sends `actor` is refused (400 naming the field).
 */
export const ticketEventInputSchema = z
  .strictObject({
    type: z.enum(TICKET_EVENT_TYPES),
    at: boundedInstantSchema,
    department: departmentSchema.optional(),
    satisfaction: z.enum(SATISFACTION_LEVELS).optional(),
    note: wellFormedText({ max: 2000, what: 'a note' }).optional(),
  })
  .superRefine((event, context) => {
    const require = (field: 'department' | 'satisfaction' | 'note', why: string) => {
      if (event[field] === undefined || event[field] === '') context.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (event.type === 'dispatched') require('department', 'a dispatch names the department that must act');
    if (event.type === 'escalated') require('department', 'an escalation (吹哨) names the department that must report');
    if (event.type === 'verified') require('satisfaction', `a verification carries the resident's satisfaction`);
    if (event.type === 'suspended') require('note', 'a suspension (挂起) gives its reason in note');
    if (event.type !== 'verified' && event.satisfaction !== undefined) {
      context.addIssue({ code: 'custom', path: ['satisfaction'], message: 'only a verification carries satisfaction' });
    }
  });
export type TicketEventInput = z.infer<typeof ticketEventInputSchema>;

/** An event as the server applies it: the request's event with the name of the principal who sent it. */
export type AttributedTicketEvent = TicketEventInput & { readonly actor: string };

/** An event as recorded: `seq` numbers the ticket's events from 1; `id` is derived from (ticket, type, at). */
export const ticketEventSchema = z.strictObject({
  id: z.uuid(),
  ticketId: ticketIdSchema,
  seq: z.int().positive(),
  type: z.enum(TICKET_EVENT_TYPES),
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  department: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
  note: z.string().nullable(),
  stateBefore: z.enum(TICKET_STATES),
  stateAfter: z.enum(TICKET_STATES),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

const instant = z.iso.datetime({ offset: true });

/** A ticket as it stands after its latest event: what `GET /api/v1/tickets/{id}` shows and what ClickHouse keeps per version. */
export const ticketSnapshotSchema = z.strictObject({
  id: ticketIdSchema,
  gridCode: gridCodeSchema,
  category: z.enum(REPORT_CATEGORIES),
  severity: z.int().min(1).max(4),
  reportedAt: instant,
  /** Events applied so far; 0 for a ticket that is only reported. */
  version: z.int().nonnegative(),
  state: z.enum(TICKET_STATES),
  /** The state a suspended ticket resumes to. */
  stateBeforeSuspension: z.enum(TICKET_STATES).nullable(),
  department: z.string().nullable(),
  dispatchDueAt: instant,
  /** Resolution deadline; null while the clock is paused (suspended). */
  dueAt: instant.nullable(),
  /** Working or calendar minutes of the resolution clock left when it was paused. */
  pausedRemainingMinutes: z.number().nonnegative().nullable(),
  firstDispatchedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  /** Whether the latest resolution came before the deadline that applied then. */
  resolvedOnTime: z.boolean().nullable(),
  verifiedAt: instant.nullable(),
  satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
  reopenCount: z.int().nonnegative(),
  suspendedMinutes: z.number().nonnegative(),
  lastEventAt: instant,
});
export type TicketSnapshot = z.infer<typeof ticketSnapshotSchema>;

export const ticketViewSchema = z.strictObject({
  ticket: ticketSnapshotSchema,
  history: z.array(ticketEventSchema),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

/** The answer to events: 202 when at least one was recorded (and queued for ClickHouse), 200 when all were already recorded. */
export const ticketEventsAcceptedSchema = z.strictObject({
  recorded: z.int().nonnegative(),
  duplicates: z.int().nonnegative(),
  /** The events of the request as recorded, in order (a duplicate shows the event recorded earlier). */
  events: z.array(ticketEventSchema),
  ticket: ticketSnapshotSchema,
});
export type TicketEventsAccepted = z.infer<typeof ticketEventsAcceptedSchema>;

export const MAX_EVENTS_PER_REQUEST = 50;

/** The body of `POST /api/v1/tickets/{id}/events`: one event, or several for the same ticket applied in order, all or none. */
export const ticketEventsBodySchema = z.union([ticketEventInputSchema, z.array(ticketEventInputSchema).min(1).max(MAX_EVENTS_PER_REQUEST)]);
