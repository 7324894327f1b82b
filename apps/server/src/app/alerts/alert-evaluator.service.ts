import { AlertSignalsRepository, TicketStore } from '@grid-command/clickhouse';
import { MAX_ALERT_REPORT_IDS, SCOPE_CODE_LENGTH, type Alert, type TicketSnapshot, type AlertMute, type AlertRule, type AlertRulesFile, type AnomalyRule, type Report, type SlaRule, type SpikeRule } from '@grid-command/contracts';
import {
  anomalyCandidate,
  breachesSla,
  reportAlertSettled,
  dueResponse,
  autoClose,
  formatScope,
  scopeOfCode,
  slaBreachNoticedAt,
  slaCandidate,
  spikeCandidate,
  spikeWindowAt,
  spikeWindowKey,
  dedupKeyOf,
  type SpikeWindowKey,
  type AlertCandidate,
  type AlertReportFacts,
  type ReferenceIndex,
} from '@grid-command/domain';
import { AlertMuteStore, AlertRecordStore, AlertReportSets, SpikeWindowStore } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';
import { AlertBook } from './alert-book.service';
import { CriticalAlerts } from './critical-alerts.service';

const MINUTE_MS = 60_000;
/** Tickets past a deadline read per rule and evaluation; the longest overdue come first. */
const MAX_SLA_TICKETS = 2000;

/**
 * Runs the alert rules: the report rules (critical, spike) on every stored batch, the time rules (SLA, anomaly)
 * and the response bounds on a timer. Every decision is the pure rule code of libs/domain.
 */
@Injectable()
export class AlertEvaluator implements OnModuleInit, OnModuleDestroy {
  private readonly timeRules: PeriodicTask;

  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly book: AlertBook,
    private readonly critical: CriticalAlerts,
    private readonly store: AlertRecordStore,
    private readonly reportSets: AlertReportSets,
    private readonly mutes: AlertMuteStore,
    private readonly spikeWindows: SpikeWindowStore,
    private readonly signals: AlertSignalsRepository,
    private readonly tickets: TicketStore,
  ) {
    this.timeRules = new PeriodicTask(
      { name: 'alert evaluation', everyMs: rules.evaluateEverySeconds * 1000, firstAfterMs: 1_000 },
      () => this.evaluateNow(),
      new Logger(AlertEvaluator.name),
    );
  }

  onModuleInit(): void {
    this.timeRules.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.timeRules.stop();
  }

  /** Critical alerts first (those the ingest API has not raised already), then the spikes. */
  async onReportsStored(reports: readonly Report[], now = new Date()): Promise<void> {
    const facts = this.critical.factsOf(reports, now);
    if (facts.length === 0) return;
    const mutes = await this.mutes.current(now.getTime());
    await this.critical.raise(reports, now, mutes);
    const spikes = await Promise.all(this.enabled('spike').map((rule) => this.spikeCandidates(rule, facts, now)));
    await this.book.raiseMany(spikes.flat(), mutes, now);
  }

  /** One pass of the time rules and the response bounds; exposed so tests can run it without waiting. */
  async evaluateNow(now = new Date()): Promise<void> {
    const mutes = await this.mutes.current(now.getTime());
    for (const rule of this.enabled('sla')) await this.evaluateSla(rule, mutes, now);
    for (const rule of this.enabled('anomaly')) await this.evaluateAnomaly(rule, mutes, now);
    // One read of the open alerts and their tickets serves every check below; each change re-reads its alert to write.
    const open = await this.store.openAlerts();
    const ticketIds = open.flatMap((alert) => (alert.ticketId ? [alert.ticketId] : alert.kind === 'critical' || alert.kind === 'spike' ? alert.reportIds : []));
    const tickets = await this.tickets.findTickets([...new Set(ticketIds)]);
    await this.closeSlaAlertsMovedOn(open, tickets, now);
    await this.writeHeldBackGrowth(open, now);
    await this.closeSettledReportAlerts(open, tickets, now);
    await this.enforceResponseBounds(open, now);
  }

  private enabled<K extends AlertRule['kind']>(kind: K): Array<Extract<AlertRule, { kind: K }>> {
    return this.rules.rules.filter((rule): rule is Extract<AlertRule, { kind: K }> => rule.kind === kind && rule.enabled);
  }

  /**
   * Counts the batch into the rule's windows in one round trip; a window at the threshold is a candidate carrying
   * the latest reports that made it fire, or, when its alert is already open, just this batch's reports in it.
   */
  private async spikeCandidates(rule: SpikeRule, reports: readonly AlertReportFacts[], now: Date): Promise<AlertCandidate[]> {
    const bounds = spikeWindowAt(rule, now.getTime());
    const byWindow = new Map<string, { key: SpikeWindowKey; reports: AlertReportFacts[] }>();
    for (const report of reports) {
      const key = spikeWindowKey(rule, report);
      if (!key) continue;
      const id = `${key.scope}|${key.category}`;
      const entry = byWindow.get(id) ?? { key, reports: [] };
      entry.reports.push(report);
      byWindow.set(id, entry);
    }
    const windows = [...byWindow.values()].map(({ key, reports: added }) => ({
      key,
      id: { ruleId: rule.id, scope: key.scope, category: key.category },
      added: added.filter((report) => report.reportedAtMs > bounds.opensAfterMs && report.reportedAtMs <= bounds.endsAtMs).map((report) => report.id),
      entries: added.map((report) => ({ reportId: report.id, reportedAtMs: report.reportedAtMs })),
    }));
    const windowMs = rule.windowMinutes * MINUTE_MS;
    const counts = await this.spikeWindows.count(
      windows.map(({ id, entries }) => ({ ...id, entries })),
      bounds,
      2 * windowMs,
    );
    const firing = windows.map((window, index) => ({ ...window, count: counts[index] ?? 0 })).filter((window) => window.count >= rule.threshold);
    if (firing.length === 0) return [];
    const openIds = await this.store.openIdsFor(firing.map(({ key }) => dedupKeyOf({ rule, scope: key.scope, category: key.category, ticketId: null })));
    const starting = firing.filter((_, index) => !openIds[index]);
    const latest = await this.spikeWindows.latest(
      starting.map(({ id }) => id),
      bounds,
      MAX_ALERT_REPORT_IDS,
    );
    const latestByWindow = new Map(starting.map((window, index) => [window, [...(latest[index] ?? [])].reverse()]));
    return firing
      .map((window) => spikeCandidate(rule, window.key, window.count, latestByWindow.get(window) ?? window.added))
      .filter((candidate): candidate is AlertCandidate => candidate !== null);
  }

  private async evaluateSla(rule: SlaRule, mutes: readonly AlertMute[], now: Date): Promise<void> {
    const overdue = await this.signals.ticketsPastDeadline(rule.deadline, now, this.rules.slaLookBackDays, MAX_SLA_TICKETS);
    const arrivals = await this.signals.arrivals(overdue.map((ticket) => ticket.id));
    const candidates = overdue
      .map((ticket) => slaCandidate(rule, ticket, now.getTime()))
      .filter((candidate): candidate is AlertCandidate => candidate !== null)
      .filter((candidate) => {
        const arrivedAt = arrivals.get(candidate.ticketId ?? '') ?? 0;
        return slaBreachNoticedAt(Date.parse(candidate.slaDueAt ?? ''), arrivedAt, this.rules.slaArrivalGraceMinutes) <= now.getTime();
      });
    await this.raiseAll(candidates, mutes, now);
  }

  /** An SLA alert whose ticket has since been dispatched (or resolved, or paused) closes by itself. */
  private async closeSlaAlertsMovedOn(open: readonly Alert[], tickets: ReadonlyMap<string, TicketSnapshot>, now: Date): Promise<void> {
    for (const alert of open) {
      const rule = this.enabled('sla').find((candidate) => candidate.id === alert.ruleId);
      const ticket = alert.ticketId === null ? undefined : tickets.get(alert.ticketId);
      if (!rule || !ticket || breachesSla(rule, ticket, now.getTime())) continue;
      const note = `工单已${ticket.state === 'suspended' ? '挂起' : rule.deadline === 'dispatch' ? '派单' : '办结'} / ticket is now ${ticket.state}`;
      await this.book.applySystemChange(alert.id, (stored) => autoClose(stored, now, note));
    }
  }

  private async evaluateAnomaly(rule: AnomalyRule, mutes: readonly AlertMute[], now: Date): Promise<void> {
    const volumes = await this.signals.hourlyVolumes(SCOPE_CODE_LENGTH[rule.level], now, rule.baselineDays);
    const candidates = volumes
      .map((volume) => ({ volume, scope: scopeOfCode(volume.code) }))
      .filter(({ scope }) => this.reference.find(scope) !== undefined)
      .map(({ volume, scope }) => anomalyCandidate(rule, formatScope(scope), volume.current, volume.baseline))
      .filter((candidate): candidate is AlertCandidate => candidate !== null);
    await this.raiseAll(candidates, mutes, now);
  }

  /** Report counts that `raiseMany` kept in the alerts' sets without rewriting the alerts. */
  private async writeHeldBackGrowth(open: readonly Alert[], now: Date): Promise<void> {
    const growing = open.filter((alert) => alert.kind === 'critical' || alert.kind === 'spike');
    const counts = await this.reportSets.addToMany(growing.map((alert) => ({ alertId: alert.id, reportIds: [] })));
    await Promise.all(growing.map((alert, index) => this.book.syncReportCount(alert, counts[index] ?? 0, now)));
  }

  /** A critical or spike alert whose tickets have all been resolved meanwhile has nothing left for the desk. */
  private async closeSettledReportAlerts(open: readonly Alert[], tickets: ReadonlyMap<string, TicketSnapshot>, now: Date): Promise<void> {
    for (const alert of open) {
      if (!reportAlertSettled(alert, tickets)) continue;
      await this.book.applySystemChange(alert.id, (stored) => (reportAlertSettled(stored, tickets) ? autoClose(stored, now, '工单均已办结 / every ticket is resolved') : null));
    }
  }

  private async enforceResponseBounds(open: readonly Alert[], now: Date): Promise<void> {
    for (const alert of open) {
      const bounds = this.book.bounds(alert.severity);
      if (dueResponse(alert, now, bounds) === null) continue;
      await this.book.applySystemChange(alert.id, (stored) => dueResponse(stored, now, bounds));
    }
  }

  private async raiseAll(candidates: readonly AlertCandidate[], mutes: readonly AlertMute[], now: Date): Promise<void> {
    await Promise.all(candidates.map((candidate) => this.book.raise(candidate, mutes, now)));
  }
}
