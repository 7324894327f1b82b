import { z } from 'zod';
import { REPORT_CATEGORIES, SEVERITY_LABELS, type Label, type Severity } from './categories';
import { SCOPE_LEVELS, scopeIdSchema } from './scope.schema';

/** How urgently the duty officer must react. Sets the sound and the response bounds. */
export const ALERT_SEVERITIES = ['critical', 'major', 'minor'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Where each alert severity sits on the reports' scale (一般 · 较急 · 紧急 · 特急), so a report and its alert are
 * told in one vocabulary: a 特急 report's alert reads 特急, never a lower word of the same scale.
 */
export const ALERT_SEVERITY_REPORT_LEVEL: Readonly<Record<AlertSeverity, Severity>> = { critical: 4, major: 3, minor: 1 };

/** 特急 · 紧急 · 一般 (Critical · Emergency · Normal): the reports' own words for the same levels. */
export const ALERT_SEVERITY_LABELS: Readonly<Record<AlertSeverity, Label>> = {
  critical: SEVERITY_LABELS[ALERT_SEVERITY_REPORT_LEVEL.critical],
  major: SEVERITY_LABELS[ALERT_SEVERITY_REPORT_LEVEL.major],
  minor: SEVERITY_LABELS[ALERT_SEVERITY_REPORT_LEVEL.minor],
};

export const ALERT_RULE_KINDS = ['critical', 'spike', 'sla', 'anomaly'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_RULE_KIND_LABELS: Readonly<Record<AlertRuleKind, Label>> = {
  // No severity word: the alert's severity is shown beside it, and "Critical · Critical report" says it twice.
  critical: { zh: '高危事件', en: 'High-risk report' },
  spike: { zh: '集中突发', en: 'Spike' },
  sla: { zh: '超期预警', en: 'SLA breach' },
  anomaly: { zh: '量能异常', en: 'Volume anomaly' },
};

const labelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const ruleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be lower-case letters, digits and dashes (at most 48)');
const positiveMinutes = z.number().positive().max(7 * 24 * 60);

/** Which reports a rule looks at; every field given must hold. */
export const reportMatchSchema = z.strictObject({
  categories: z.array(z.enum(REPORT_CATEGORIES)).min(1).optional(),
  severityAtLeast: z.int().min(1).max(4).optional(),
  /** Only reports inside one of these scopes. */
  within: z.array(scopeIdSchema).min(1).optional(),
});
export type ReportMatch = z.infer<typeof reportMatchSchema>;

const ruleBase = {
  id: ruleIdSchema,
  name: labelSchema,
  severity: z.enum(ALERT_SEVERITIES),
  /** After an alert of this rule and scope is closed, the same condition opens no new alert for this long. */
  cooldownMinutes: z.number().nonnegative().max(7 * 24 * 60),
  /** Open alerts of this rule under one scope of this level count as one storm on the console. */
  groupBy: z.enum(['district', 'street', 'community']).default('street'),
  enabled: z.boolean().default(true),
};

/** Fires at once for each report matching any of `anyOf`; one open alert per rule and scope of `level`. */
export const criticalRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('critical'),
  level: z.enum(SCOPE_LEVELS).default('grid'),
  anyOf: z.array(reportMatchSchema).min(1),
});

/** At least `threshold` matching reports of one category in one scope of `level` within the sliding window. */
export const spikeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('spike'),
  level: z.enum(['street', 'community', 'grid']),
  match: reportMatchSchema.default({}),
  threshold: z.int().min(2).max(100_000),
  windowMinutes: positiveMinutes,
});

/** A ticket still not dispatched at its dispatch deadline, or still open at its resolution deadline (超期预警). */
export const slaRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('sla'),
  deadline: z.enum(['dispatch', 'resolution']),
  match: reportMatchSchema.default({}),
});

/**
 * The last hour's reports in each scope of `level` against the same hour on each of the previous `baselineDays`
 * days: fires when there are at least `minReports` and the count is `ratioAtLeast` times the mean or `zScoreAtLeast`
 * standard deviations above it.
 */
export const anomalyRuleSchema = z
  .strictObject({
    ...ruleBase,
    kind: z.literal('anomaly'),
    level: z.enum(['district', 'street', 'community']),
    baselineDays: z.int().min(1).max(28).default(7),
    minReports: z.int().min(1),
    ratioAtLeast: z.number().gt(1).optional(),
    zScoreAtLeast: z.number().positive().optional(),
  })
  .refine((rule) => rule.ratioAtLeast !== undefined || rule.zScoreAtLeast !== undefined, {
    message: 'an anomaly rule needs ratioAtLeast, zScoreAtLeast or both',
    path: ['ratioAtLeast'],
  });

export const alertRuleSchema = z.discriminatedUnion('kind', [criticalRuleSchema, spikeRuleSchema, slaRuleSchema, anomalyRuleSchema]);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type CriticalRule = z.infer<typeof criticalRuleSchema>;
export type SpikeRule = z.infer<typeof spikeRuleSchema>;
export type SlaRule = z.infer<typeof slaRuleSchema>;
export type AnomalyRule = z.infer<typeof anomalyRuleSchema>;

/**
 * How long an alert may wait for each response before it gets louder and then climbs a level (吹哨):
 * acknowledgement of an open alert, and 报到 of the department it was dispatched to.
 */
export const responseBoundsSchema = z.strictObject({
  acknowledgeMinutes: positiveMinutes,
  reportInMinutes: positiveMinutes,
});
export type ResponseBounds = z.infer<typeof responseBoundsSchema>;

/** The file named by ALERT_RULES_FILE (default `config/alert-rules.json`). */
export const alertRulesFileSchema = z
  .strictObject({
    /** This many open alerts of one rule in one group are shown as one storm, with one sound. */
    stormThreshold: z.int().min(2).max(1000).default(5),
    response: z.strictObject({ critical: responseBoundsSchema, major: responseBoundsSchema, minor: responseBoundsSchema }),
    /**
     * Reports older than this when they are stored (a backfill, a replay) are history, not news: they raise no
     * critical or spike alert. A hotline report typed in a few hours late still does.
     */
    ignoreReportsOlderThanMinutes: z.int().min(1).max(7 * 24 * 60).default(360),
    /**
     * A ticket that arrives already past a deadline (a backfill, a report typed in late) is held to it only after it
     * has been here this long without moving: its history may be on its way behind it.
     */
    slaArrivalGraceMinutes: z.number().nonnegative().max(24 * 60).default(10),
    /** How far back the SLA rules look for tickets past a deadline. */
    slaLookBackDays: z.int().min(1).max(366).default(30),
    /** How often the SLA and anomaly rules and the response bounds are checked. */
    evaluateEverySeconds: z.int().min(1).max(3600).default(15),
    rules: z.array(alertRuleSchema).min(1),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type AlertRulesFile = z.infer<typeof alertRulesFileSchema>;
