import type { ReportCategory, SlaPolicy, TimeLimit } from '@grid-command/contracts';

type SeverityKey = '1' | '2' | '3' | '4';

/** The resolution limit for a category and severity: the category's override if it has one, else the severity's. */
export function resolutionLimit(policy: SlaPolicy, category: ReportCategory, severity: number): TimeLimit {
  const key = String(severity) as SeverityKey;
  return policy.categoryOverrides[category]?.[key] ?? policy.resolution[key];
}
