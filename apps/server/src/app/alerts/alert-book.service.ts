import { MAX_ALERT_REPORT_IDS, type Alert, type AlertChange, type AlertMute, type AlertRulesFile, type AttributedAlertAction } from '@grid-command/contracts';
import {
  applyAlertAction,
  decideRaise,
  dedupKeyOf,
  GROWTH_NOTICE_INTERVAL_MS,
  heldBackFlush,
  openAlert,
  parseScope,
  withReports,
  type AlertCandidate,
  type RaiseContext,
  type ReferenceIndex,
} from '@grid-command/domain';
import { AlertMuteStore, AlertRecordStore, AlertReportSets } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';

/** Two changes racing on one alert retry against the winner; more collisions than this is a hot loop. */
const MAX_ATTEMPTS = 5;
/** How often held-back growth is looked at; each is written once the time its decision named has come. */
const HELD_BACK_CHECK_MS = 250;
const MAX_TRACKED_GROWTH = 10_000;
const MINUTE_MS = 60_000;

export type ActOutcome = { readonly kind: 'applied'; readonly alert: Alert } | { readonly kind: 'conflict'; readonly message: string; readonly alert: Alert };

export class AlertBusyError extends Error {}

/** Reports and the latest measure added to an open alert since it was last rewritten, and when to write them. */
interface HeldBackGrowth {
  /** The first candidate held: the rule and subject of every report held with it, to raise them again. */
  readonly candidate: AlertCandidate;
  readonly reportIds: string[];
  measure: AlertCandidate['measure'];
  readonly dueAtMs: number;
}

/**
 * Every change to an alert goes through here: read the record, decide with the pure rules of libs/domain, write
 * with a compare-and-set, and on losing the race read again. Redis announces each written change.
 */
@Injectable()
export class AlertBook implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertBook.name);
  private readonly lastGrowthWrittenAt = new Map<string, number>();
  private readonly heldBack = new Map<string, HeldBackGrowth>();
  private readonly flushing = new Set<string>();
  private readonly flushTask = new PeriodicTask(
    { name: 'writing held-back alert growth', everyMs: HELD_BACK_CHECK_MS },
    () => this.flushHeldBack(new Date(), 'due'),
    this.logger,
  );

  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly store: AlertRecordStore,
    private readonly reportSets: AlertReportSets,
    private readonly mutesStore: AlertMuteStore,
  ) {}

  onModuleInit(): void {
    this.flushTask.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.flushTask.stop();
    await this.flushHeldBack(new Date(), 'all').catch((error: Error) => this.logger.warn(`held-back alert growth left unwritten: ${error.message}`));
  }

  /**
   * Raises many candidates with a few round trips for the common case of a spike holding again while its alert is
   * open and grew a moment ago: one read finds the open alerts, the reports decideRaise holds back are added to
   * their alerts' sets in one pipeline and written by the flush when their time comes. Every other candidate goes
   * through `raise`, so once this resolves every candidate of a rule that announces every report is announced.
   */
  async raiseMany(candidates: readonly AlertCandidate[], mutes: readonly AlertMute[], now: Date): Promise<void> {
    if (candidates.length === 0) return;
    const openIds = await this.store.openIdsFor(candidates.map(dedupKeyOf));
    const decided = candidates.map((candidate, index) => {
      const openAlertId = openIds[index] ?? null;
      return { candidate, decision: openAlertId === null ? null : decideRaise(candidate, this.contextOf(openAlertId, null, mutes), now.getTime()) };
    });
    const held = decided.flatMap(({ candidate, decision }) => (decision?.kind === 'hold_back' ? [{ candidate, decision }] : []));
    // Held before they are counted in, so a count sync never sees them in the set without them held here.
    for (const { candidate, decision } of held) this.holdBack(decision.alertId, candidate, decision.untilMs);
    await this.reportSets.addToMany(held.map(({ candidate, decision }) => ({ alertId: decision.alertId, reportIds: candidate.reportIds })));
    const rest = decided.filter(({ decision }) => decision?.kind !== 'hold_back');
    await Promise.all(rest.map(({ candidate }) => this.raise(candidate, mutes, now)));
  }

  /** Writes the count of reports the alert's set holds, if the alert shows fewer (another process held it back). */
  async syncReportCount(alert: Alert, count: number, now: Date): Promise<void> {
    // Growth held back here is written with its reports by the flush; a bare count now would only race it.
    if (count <= alert.reportCount || this.heldBack.has(alert.id) || this.flushing.has(alert.id)) return;
    await this.applySystemChange(alert.id, (stored) => withReports(stored, [], count, null, now));
  }

  private contextOf(openAlertId: string | null, lastClosedAtMs: number | null, mutes: readonly AlertMute[]): RaiseContext {
    const lastGrowthWrittenAtMs = openAlertId === null ? null : (this.lastGrowthWrittenAt.get(openAlertId) ?? null);
    const heldBackUntilMs = openAlertId === null ? null : (this.heldBack.get(openAlertId)?.dueAtMs ?? null);
    return { openAlertId, lastGrowthWrittenAtMs, heldBackUntilMs, lastClosedAtMs, mutes };
  }

  /** When the write was done, not the `now` of the decision, which may lie a busy evaluation earlier: it spaces notices. */
  private noteGrowthWritten(alertId: string): void {
    if (this.lastGrowthWrittenAt.size >= MAX_TRACKED_GROWTH) this.lastGrowthWrittenAt.clear();
    this.lastGrowthWrittenAt.set(alertId, Date.now());
  }

  private holdBack(alertId: string, candidate: AlertCandidate, dueAtMs: number): void {
    const held = this.heldBack.get(alertId) ?? { candidate, reportIds: [], measure: null, dueAtMs };
    held.reportIds.push(...candidate.reportIds);
    held.reportIds.splice(0, Math.max(0, held.reportIds.length - MAX_ALERT_REPORT_IDS));
    if (candidate.measure && (!held.measure || candidate.measure.value >= held.measure.value)) held.measure = candidate.measure;
    this.heldBack.set(alertId, held);
  }

  /** Writes the held-back growth that is due (or all of it, at shutdown); what fails is held again, for one interval. */
  private async flushHeldBack(now: Date, which: 'due' | 'all'): Promise<void> {
    const entries = [...this.heldBack].filter(([, held]) => which === 'all' || held.dueAtMs <= now.getTime());
    if (entries.length === 0) return;
    for (const [alertId] of entries) {
      this.heldBack.delete(alertId);
      this.flushing.add(alertId);
    }
    try {
      const counts = await this.reportSets.addToMany(entries.map(([alertId]) => ({ alertId, reportIds: [] })));
      let mutes: Promise<readonly AlertMute[]> | null = null;
      const currentMutes = () => (mutes ??= this.mutesStore.current(now.getTime()));
      const outcomes = await Promise.allSettled(entries.map(([alertId, held], index) => this.writeHeldBack(alertId, held, counts[index] ?? 0, currentMutes, now)));
      const failed = entries.filter((_, index) => outcomes[index]?.status === 'rejected');
      const retryAtMs = now.getTime() + GROWTH_NOTICE_INTERVAL_MS;
      for (const [alertId, held] of failed) this.holdBack(alertId, { ...held.candidate, reportIds: held.reportIds, measure: held.measure }, retryAtMs);
      const [firstFailure] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (firstFailure) throw new Error(`${failed.length} held-back alert growth(s) held again: ${String(firstFailure.reason)}`);
    } finally {
      entries.forEach(([alertId]) => this.flushing.delete(alertId));
    }
  }

  private async writeHeldBack(alertId: string, held: HeldBackGrowth, count: number, mutes: () => Promise<readonly AlertMute[]>, now: Date): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const flush = heldBackFlush(await this.store.get(alertId));
      if (flush.kind === 'raise_again') {
        await this.raise({ ...held.candidate, reportIds: held.reportIds, measure: held.measure }, await mutes(), now);
        return;
      }
      const next = withReports(flush.alert, held.reportIds, count, held.measure, now);
      if (next === null) return;
      if (await this.store.update(flush.alert.version, next, 'reports_added', 0)) {
        this.noteGrowthWritten(alertId);
        return;
      }
    }
    throw new AlertBusyError(`alert ${alertId} is being changed by many writers at once`);
  }

  /** Opens an alert for the candidate, adds to the open one now or later, or holds it back (mute, cooldown). */
  async raise(candidate: AlertCandidate, mutes: readonly AlertMute[], now: Date): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const dedupKey = dedupKeyOf(candidate);
      const openId = await this.store.openIdFor(dedupKey);
      const lastClosedAtMs = openId ? null : await this.store.lastClosedAt(dedupKey);
      const decision = decideRaise(candidate, this.contextOf(openId, lastClosedAtMs, mutes), now.getTime());
      switch (decision.kind) {
        case 'muted':
          await this.mutesStore.countSuppressed(decision.mute.id);
          return;
        case 'cooling_down':
          return;
        case 'hold_back':
          this.holdBack(decision.alertId, candidate, decision.untilMs);
          await this.reportSets.add(decision.alertId, candidate.reportIds);
          return;
        case 'grow_now':
          // Not written when the alert changed or was closed since it was read: decide again on what it is now.
          if (await this.grow(decision.alertId, candidate, now)) return;
          continue;
        case 'open': {
          const alert = openAlert(candidate, { id: randomUUID(), scopeName: this.scopeName(candidate.scope), now, bounds: this.bounds(candidate.rule.severity) });
          if ((await this.store.open(alert)).opened) return;
        }
      }
    }
    throw new AlertBusyError(`alert ${dedupKeyOf(candidate)} is being changed by many writers at once`);
  }

  /** Adds the candidate's reports to the live alert and announces it; false when the alert moved on first. */
  private async grow(alertId: string, candidate: AlertCandidate, now: Date): Promise<boolean> {
    const alert = await this.store.get(alertId);
    if (!alert || alert.state === 'closed') return false;
    const count = await this.reportSets.add(alertId, candidate.reportIds);
    const next = withReports(alert, candidate.reportIds, count, candidate.measure, now);
    if (next === null) return true; // it carries them all already
    if (!(await this.store.update(alert.version, next, 'reports_added', 0))) return false;
    this.noteGrowthWritten(alertId);
    return true;
  }

  /** An officer's action; a conflict carries the alert as it now stands. Null when there is no such alert. */
  async act(id: string, request: AttributedAlertAction, now: Date): Promise<ActOutcome | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const alert = await this.store.get(id);
      if (!alert) return null;
      const outcome = applyAlertAction(alert, request, now, this.bounds(alert.severity));
      if (outcome.kind === 'conflict') return { ...outcome, alert };
      if (await this.store.update(alert.version, outcome.alert, request.action, this.cooldownMs(outcome.alert))) return outcome;
    }
    throw new AlertBusyError(`alert ${id} is being changed by many requests at once; retry`);
  }

  /**
   * A change the platform makes by itself (re-notify, escalate, auto-close), computed from the alert as stored.
   * Null when the alert is gone or closed, or `decide` finds nothing due any more.
   */
  async applySystemChange(id: string, decide: (alert: Alert) => Alert | null): Promise<Alert | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const alert = await this.store.get(id);
      if (!alert || alert.state === 'closed') return null;
      const next = decide(alert);
      if (next === null) return null;
      const change: AlertChange = next.actions.length > alert.actions.length ? (next.actions.at(-1)?.change ?? 'renotified') : 'reports_added';
      if (await this.store.update(alert.version, next, change, this.cooldownMs(next))) return next;
    }
    return null;
  }

  bounds(severity: Alert['severity']) {
    return this.rules.response[severity];
  }

  private cooldownMs(alert: Alert): number {
    const rule = this.rules.rules.find((candidate) => candidate.id === alert.ruleId);
    return alert.state === 'closed' ? (rule?.cooldownMinutes ?? 0) * MINUTE_MS : 0;
  }

  private scopeName(scopeId: string): string {
    return this.reference.placeName(parseScope(scopeId)) ?? scopeId;
  }
}

