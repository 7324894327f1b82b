import type { AlertMute, AlertRulesFile, CriticalRule, Report } from '@grid-command/contracts';
import { criticalCandidates, matchesReport, type AlertReportFacts } from '@grid-command/domain';
import { AlertedReportMarks, AlertMuteStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { ALERT_RULES } from '../infrastructure/tokens';
import { AlertBook } from './alert-book.service';

const MINUTE_MS = 60_000;

/**
 * Raises critical alerts, from two places: the ingest API as soon as a report is durably queued (the duty officer
 * sees it even while the worker is minutes behind a campaign's burst), and the worker after storing it (in case
 * the API process died in between). A report's alert is raised once: the first to raise it marks the report.
 */
@Injectable()
export class CriticalAlerts {
  private readonly rules: readonly CriticalRule[];

  constructor(
    @Inject(ALERT_RULES) private readonly rulesFile: AlertRulesFile,
    private readonly book: AlertBook,
    private readonly marks: AlertedReportMarks,
    private readonly mutes: AlertMuteStore,
  ) {
    this.rules = rulesFile.rules.filter((rule): rule is CriticalRule => rule.kind === 'critical' && rule.enabled);
  }

  /** The reports as the rules read them, without those too old to be news (a backfill, a replay). */
  factsOf(reports: readonly Report[], now: Date): AlertReportFacts[] {
    const freshAfter = now.getTime() - this.rulesFile.ignoreReportsOlderThanMinutes * MINUTE_MS;
    return reports
      .map((report) => ({ ...report, reportedAtMs: Date.parse(report.reportedAt) }))
      .filter((report) => report.reportedAtMs > freshAfter);
  }

  /**
   * `mutes` when the caller has read them already. The rules look at every report the API accepts, so the match
   * comes first and only the few critical reports are read any further.
   */
  async raise(reports: readonly Report[], now: Date, mutes?: readonly AlertMute[]): Promise<void> {
    const matching = this.factsOf(
      reports.filter((report) => this.rules.some((rule) => rule.anyOf.some((match) => matchesReport(match, report)))),
      now,
    );
    if (matching.length === 0) return;
    const seen = await this.marks.marked(matching.map((report) => report.id));
    const fresh = matching.filter((_, index) => !seen[index]);
    if (fresh.length === 0) return;
    const candidates = this.rules.flatMap((rule) => criticalCandidates(rule, fresh));
    await this.book.raiseMany(candidates, mutes ?? (await this.mutes.current(now.getTime())), now);
    // Marked only once raiseMany has written them (a critical report's growth is never held back in memory), so a
    // process dying after the mark has announced them; if raising fails, nothing is marked and the worker raises them.
    await this.marks.mark(fresh.map((report) => report.id));
  }
}
