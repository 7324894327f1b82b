import { z } from 'zod';
import { ALERT_RULE_KINDS, ALERT_SEVERITIES } from './alert-rules.schema';
import { REPORT_CATEGORIES, REPORT_SOURCES, type Label } from './categories';
import { gridCodeSchema, scopeIdSchema } from './scope.schema';
import { ticketIdSchema, TICKET_EVENT_TYPES } from './ticket.schema';
import { boundedInstantSchema } from './time-bounds';
import { wellFormedText } from './well-formed-text';

const instant = z.iso.datetime({ offset: true });

/** open → acknowledged → dispatched → closed; an alert can be closed (with a note) from any other state. */
export const ALERT_STATES = ['open', 'acknowledged', 'dispatched', 'closed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const ACTIVE_ALERT_STATES: readonly AlertState[] = ['open', 'acknowledged', 'dispatched'];

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, Label>> = {
  open: { zh: '待确认', en: 'Open' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** What an officer can do to an alert. `report_in` is the department's 报到; `escalate` is 吹哨 to the next level. */
export const ALERT_ACTIONS = ['acknowledge', 'dispatch', 'report_in', 'escalate', 'close'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const ALERT_ACTION_LABELS: Readonly<Record<AlertAction, Label>> = {
  acknowledge: { zh: '确认', en: 'Acknowledge' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  report_in: { zh: '报到', en: 'Report in' },
  escalate: { zh: '吹哨', en: 'Escalate' },
  close: { zh: '关闭', en: 'Close' },
};

/** Every change in an alert's life: the officers' actions and what the platform did by itself. */
export const ALERT_CHANGES = ['opened', 'reports_added', 'renotified', 'auto_closed', ...ALERT_ACTIONS] as const;
export type AlertChange = (typeof ALERT_CHANGES)[number];

/** The name the platform acts under when it re-notifies, escalates or closes by itself. */
export const SYSTEM_ACTOR = 'system';

export const alertActionRecordSchema = z.strictObject({
  change: z.enum(ALERT_CHANGES),
  at: instant,
  by: z.string(),
  department: z.string().nullable(),
  note: z.string().nullable(),
  /** The scope the alert was escalated to, for `escalate`. */
  escalatedTo: scopeIdSchema.nullable(),
});
export type AlertActionRecord = z.infer<typeof alertActionRecordSchema>;

/** What the alert measured when it fired or last grew: reports in the window, or the hour against its baseline. */
export const alertMeasureSchema = z.strictObject({
  value: z.number(),
  threshold: z.number(),
  /** Mean of the same hour on previous days (anomaly only). */
  baseline: z.number().nullable(),
  windowMinutes: z.number().nullable(),
});
export type AlertMeasure = z.infer<typeof alertMeasureSchema>;

/** The next response the alert waits for, and when it is due; null once closed or when nothing is awaited. */
export const alertDeadlineSchema = z.strictObject({
  kind: z.enum(['acknowledge', 'report_in']),
  at: instant,
});
export type AlertDeadline = z.infer<typeof alertDeadlineSchema>;

export const MAX_ALERT_REPORT_IDS = 50;

export const alertSchema = z.strictObject({
  id: z.uuid(),
  ruleId: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  /** Where the condition holds: a grid for a critical report, a community or street for a spike, ... */
  scope: scopeIdSchema,
  scopeName: z.string(),
  category: z.enum(REPORT_CATEGORIES).nullable(),
  /** The ticket an SLA alert is about. */
  ticketId: ticketIdSchema.nullable(),
  /** The reports behind the alert, most recent last, at most MAX_ALERT_REPORT_IDS; `reportCount` counts them all. */
  reportIds: z.array(z.uuid()),
  reportCount: z.int().nonnegative(),
  measure: alertMeasureSchema.nullable(),
  /** The ticket deadline an SLA alert is about (dispatch or resolution), for the console's countdown. */
  slaDueAt: instant.nullable(),
  state: z.enum(ALERT_STATES),
  /** Louder after a response bound passed unanswered. */
  loud: z.boolean(),
  /** How many levels it has been escalated (吹哨), and to which scope last. */
  escalations: z.int().nonnegative(),
  escalatedTo: scopeIdSchema.nullable(),
  department: z.string().nullable(),
  deadline: alertDeadlineSchema.nullable(),
  /** Open alerts with the same group key form a storm on the console. */
  groupKey: z.string(),
  /** The rule and scope (and category or ticket): at most one alert per key is not closed. */
  dedupKey: z.string(),
  openedAt: instant,
  updatedAt: instant,
  acknowledgedAt: instant.nullable(),
  acknowledgedBy: z.string().nullable(),
  dispatchedAt: instant.nullable(),
  reportedInAt: instant.nullable(),
  closedAt: instant.nullable(),
  /** Increments on every change; `expectedVersion` in an action request checks against it. */
  version: z.int().positive(),
  actions: z.array(alertActionRecordSchema),
});
export type Alert = z.infer<typeof alertSchema>;

/**
 * The body of `POST /api/v1/alerts/{id}/actions`. It names no actor: the action is recorded under the authenticated
 * principal's name, and a body that still sends `by` is refused (400 naming the field), so a typed name can never
 * stand in for who acted.
 */
export const alertActionRequestSchema = z
  .strictObject({
    action: z.enum(ALERT_ACTIONS),
    department: wellFormedText({ min: 1, max: 64, what: 'a department', trim: true }).optional(),
    note: wellFormedText({ max: 2000, what: 'a note', trim: true }).optional(),
    /** The version the officer was looking at; a later one answers 409 with the alert as it now stands. */
    expectedVersion: z.int().positive().optional(),
  })
  .superRefine((request, context) => {
    if (request.action === 'dispatch' && !request.department) {
      context.addIssue({ code: 'custom', path: ['department'], message: 'a dispatch names the department that must act' });
    }
    if (request.action === 'close' && !request.note) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'closing an alert says why in note' });
    }
  });
export type AlertActionRequest = z.infer<typeof alertActionRequestSchema>;

/** An action as the server applies it: the request with the name of the principal who sent it. */
export type AttributedAlertAction = AlertActionRequest & { readonly by: string };

/** What a dispatch did to each ticket behind the alert. */
export const alertTicketOutcomeSchema = z.strictObject({
  ticketId: ticketIdSchema,
  event: z.enum(TICKET_EVENT_TYPES).nullable(),
  /** Why no event was recorded (the ticket was already resolved, say). */
  skipped: z.string().nullable(),
});
export type AlertTicketOutcome = z.infer<typeof alertTicketOutcomeSchema>;

export const alertActionResultSchema = z.strictObject({
  alert: alertSchema,
  tickets: z.array(alertTicketOutcomeSchema),
});
export type AlertActionResult = z.infer<typeof alertActionResultSchema>;

/** A report behind an alert, as the console lists it. */
export const alertReportSchema = z.strictObject({
  id: z.uuid(),
  gridCode: gridCodeSchema,
  category: z.enum(REPORT_CATEGORIES),
  severity: z.int().min(1).max(4),
  source: z.enum(REPORT_SOURCES),
  reportedAt: instant,
  description: z.string().nullable(),
});
export type AlertReport = z.infer<typeof alertReportSchema>;

/** `GET /api/v1/alerts/{id}`. */
export const alertDetailSchema = z.strictObject({
  alert: alertSchema,
  reports: z.array(alertReportSchema),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

/** A window in which a rule, a scope, or a rule in a scope raises no alerts; what it held back is counted. */
export const alertMuteSchema = z.strictObject({
  id: z.uuid(),
  ruleId: z.string().nullable(),
  scope: scopeIdSchema.nullable(),
  from: instant,
  until: instant,
  reason: z.string(),
  by: z.string(),
  createdAt: instant,
  suppressed: z.int().nonnegative(),
});
export type AlertMute = z.infer<typeof alertMuteSchema>;

export const MAX_MUTE_MINUTES = 7 * 24 * 60;

/** The body of `POST /api/v1/alert-mutes`; the mute's `by` is the authenticated principal's name (a sent `by` is refused). */
export const alertMuteRequestSchema = z
  .strictObject({
    ruleId: wellFormedText({ min: 1, max: 64, what: 'a rule id' }).optional(),
    scope: scopeIdSchema.optional(),
    minutes: z.int().min(1).max(MAX_MUTE_MINUTES),
    reason: wellFormedText({ min: 1, max: 500, what: 'a reason (maintenance, a known event)', trim: true }),
  })
  .refine((request) => request.ruleId !== undefined || request.scope !== undefined, {
    message: 'a mute names a rule, a scope or both',
    path: ['ruleId'],
  });
export type AlertMuteRequest = z.infer<typeof alertMuteRequestSchema>;

export const MAX_ALERTS_PER_PAGE = 1000;

/** `GET /api/v1/alerts` query: alerts of the scope or under it, newest change first within each severity. */
export const alertListQuerySchema = z.strictObject({
  scope: scopeIdSchema,
  /** Comma-separated; default the active states. */
  state: z.string().optional(),
  category: z.enum(REPORT_CATEGORIES).optional(),
  /** Only alerts changed at or after this instant: what a console missed while disconnected. */
  updatedSince: boundedInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ALERTS_PER_PAGE).default(500),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertListSchema = z.strictObject({
  asOf: instant,
  alerts: z.array(alertSchema),
  /** Alerts matching the query beyond `limit`. */
  truncated: z.boolean(),
  mutes: z.array(alertMuteSchema),
});
export type AlertList = z.infer<typeof alertListSchema>;

/** Pushed as socket.io `alert` (a new alert) and `alertUpdated` (any later change) to the scope and every ancestor. */
export const alertNoticeSchema = z.strictObject({
  alert: alertSchema,
  change: z.enum(ALERT_CHANGES),
});
export type AlertNotice = z.infer<typeof alertNoticeSchema>;
