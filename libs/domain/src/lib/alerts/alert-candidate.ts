import type { AlertMeasure, AlertRule, ReportCategory } from '@grid-command/contracts';

/** What a rule proposes: an alert for this rule and subject unless one is already open, cooling down or muted. */
export interface AlertCandidate {
  readonly rule: AlertRule;
  /** Scope id (`community:…`) where the condition holds. */
  readonly scope: string;
  readonly category: ReportCategory | null;
  readonly ticketId: string | null;
  /** Reports behind it, oldest first. */
  readonly reportIds: readonly string[];
  readonly measure: AlertMeasure | null;
  readonly slaDueAt: string | null;
}

/** One alert at a time per rule and subject: the scope, and the category or ticket where the rule tells them apart. */
export function dedupKeyOf(candidate: Pick<AlertCandidate, 'rule' | 'scope' | 'category' | 'ticketId'>): string {
  return [candidate.rule.id, candidate.scope, candidate.category ?? '', candidate.ticketId ?? ''].join('|');
}
