import { CATEGORY_LABELS, SEVERITY_LABELS, type KpiResponse, type Severity } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { formatDuration } from '../../shared/time/duration-format';

export interface OverdueRow {
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly severityLabel: string;
  readonly community: string;
  /** The department that must act, or 未派单 when nobody has been sent. */
  readonly department: string;
  readonly dispatched: boolean;
  readonly overdueBy: string;
}

/**
 * The overdue tickets oldest deadline first (the server sends them so; sorted again so a wall never shows a
 * newer breach above an older one), at most `limit`. The time overdue grows with the wall's clock between
 * fetches, counted from when the server measured it.
 */
export function overdueRows(response: KpiResponse, limit: number, nowMs: number, lang: Lang): OverdueRow[] {
  const sinceMeasured = Math.max(0, nowMs - Date.parse(response.generatedAt)) / 1000;
  return [...response.overdue]
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .slice(0, limit)
    .map((ticket) => {
      const severity = ticket.severity as Severity;
      return {
        id: ticket.id,
        category: CATEGORY_LABELS[ticket.category][lang],
        severity,
        severityLabel: SEVERITY_LABELS[severity][lang],
        community: ticket.communityName,
        department: ticket.department ?? translate(lang, 'overdue.undispatched'),
        dispatched: ticket.department !== null,
        overdueBy: translate(lang, 'overdue.by', { age: formatDuration(ticket.overdueMinutes * 60 + sinceMeasured, lang) }),
      };
    });
}
