import type { ReportCategory, ReportMatch } from '@grid-command/contracts';
import { parseScope } from '../scope';

/** What the alert rules read of a report. */
export interface AlertReportFacts {
  readonly id: string;
  readonly gridCode: string;
  readonly category: ReportCategory;
  readonly severity: number;
  /** Epoch milliseconds. */
  readonly reportedAtMs: number;
}

/** Every condition the match gives holds for the report; an empty match takes every report. */
export function matchesReport(match: ReportMatch, report: Pick<AlertReportFacts, 'gridCode' | 'category' | 'severity'>): boolean {
  if (match.categories && !match.categories.includes(report.category)) return false;
  if (match.severityAtLeast !== undefined && report.severity < match.severityAtLeast) return false;
  if (match.within && !match.within.some((scope) => report.gridCode.startsWith(parseScope(scope).code))) return false;
  return true;
}
