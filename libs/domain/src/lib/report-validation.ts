import {
  formatIssuePath,
  MAX_REPORTS_PER_REQUEST,
  reportSchema,
  type FieldIssue,
  type Report,
} from '@grid-command/contracts';

export type ReportBatchValidation =
  | { readonly kind: 'valid'; readonly reports: Report[] }
  /** The body breaks the contract: 400. */
  | { readonly kind: 'invalid'; readonly issues: FieldIssue[] }
  /** Well-formed, but names grids that are not in the reference data: 422. */
  | { readonly kind: 'unknown_grid'; readonly issues: FieldIssue[] };

export interface ReportBatchRules {
  readonly now: Date;
  /** How far in the future `reportedAt` may be, for clients whose clocks run fast. */
  readonly maxClockSkewMs: number;
  /** How far in the past `reportedAt` may be: a backfill or a year of 同比 history fits, a year-0001 typo does not. */
  readonly maxReportAgeMs: number;
  readonly isKnownGrid: (gridCode: string) => boolean;
}

const MAX_ISSUES = 100;
const DAY_MS = 86_400_000;

/**
 * Validates one report or an array of them, element by element, so every problem is reported with its index
 * and field. All or nothing: one bad report rejects the whole request.
 */
export function validateReportBatch(body: unknown, rules: ReportBatchRules): ReportBatchValidation {
  const isArray = Array.isArray(body);
  if (!isArray && (typeof body !== 'object' || body === null)) {
    return invalid([{ index: 0, path: '', message: `body must be a report object or an array of 1..${MAX_REPORTS_PER_REQUEST} reports` }]);
  }
  const items: unknown[] = isArray ? body : [body];
  if (items.length === 0 || items.length > MAX_REPORTS_PER_REQUEST) {
    return invalid([{ index: 0, path: '', message: `an array must hold 1..${MAX_REPORTS_PER_REQUEST} reports, got ${items.length}` }]);
  }

  const issues: FieldIssue[] = [];
  const reports: Report[] = [];
  const latestAllowed = rules.now.getTime() + rules.maxClockSkewMs;
  const earliestAllowed = rules.now.getTime() - rules.maxReportAgeMs;
  items.forEach((item, index) => {
    const parsed = reportSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ index, path: describePath(issue), message: issue.message });
      return;
    }
    if (Date.parse(parsed.data.reportedAt) > latestAllowed) {
      issues.push({ index, path: 'reportedAt', message: `is more than ${Math.round(rules.maxClockSkewMs / 1000)} s in the future` });
      return;
    }
    if (Date.parse(parsed.data.reportedAt) < earliestAllowed) {
      issues.push({ index, path: 'reportedAt', message: `is more than ${Math.round(rules.maxReportAgeMs / DAY_MS)} days in the past` });
      return;
    }
    reports.push(parsed.data);
  });
  if (issues.length > 0) return invalid(issues);

  const unknown = reports.flatMap((report, index) =>
    rules.isKnownGrid(report.gridCode) ? [] : [{ index, path: 'gridCode', message: `grid ${report.gridCode} is not in the reference data` }],
  );
  if (unknown.length > 0) return { kind: 'unknown_grid', issues: unknown.slice(0, MAX_ISSUES) };
  return { kind: 'valid', reports };
}

function invalid(issues: FieldIssue[]): ReportBatchValidation {
  return { kind: 'invalid', issues: issues.slice(0, MAX_ISSUES) };
}

/** Names unknown keys too: zod reports them on the object, with the names in `keys`. */
function describePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  const base = formatIssuePath(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
    return issue.keys.map((key) => (base ? `${base}.${key}` : key)).join(', ');
  }
  return base;
}
