import { MAX_ALERT_REPORT_IDS, type Alert, type AlertChange, type AlertMute, type AlertRulesFile, type AttributedAlertAction } from '@grid-command/contracts';
import {
  applyAlertAction,
  decideRaise,
  dedupKeyOf,
  lineageOf,
  openAlert,
  parseScope,
  withReports,
  type AlertCandidate,
  type ReferenceIndex,
} from '@grid-command/domain';
import { AlertMuteStore, AlertRecordStore, AlertReportSets } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';

/** Two changes racing on one alert retry against the winner; more collisions than this is a hot loop. */
const MAX_ATTEMPTS = 5;
/**
 * An open alert that keeps growing (a spike during a campaign) is rewritten and announced at most this often;
 * in between its reports are counted in Redis and the growth is written by the next flush.
 */
const GROWTH_NOTICE_INTERVAL_MS = 5_000;
const MAX_TRACKED_GROWTH = 10_000;
const MINUTE_MS = 60_000;

export type ActOutcome = { readonly kind: 'applied'; readonly alert: Alert } | { readonly kind: 'conflict'; readonly message: string; readonly alert: Alert };

export class AlertBusyError extends Error {}

/** Reports and the latest measure added to an open alert since it was last rewritten. */
interface HeldBackGrowth {
  readonly reportIds: string[];
  measure: AlertCandidate['measure'];
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
    { name: 'writing held-back alert growth', everyMs: GROWTH_NOTICE_INTERVAL_MS },
    () => this.flushHeldBack(new Date()),
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
    await this.flushHeldBack(new Date()).catch((error: Error) => this.logger.warn(`held-back alert growth left unwritten: ${error.message}`));
  }

  /**
   * Raises many candidates with a few round trips for the common case of a condition holding again while its
   * alert is open: the new reports are added to the alert's set in one pipeline, and the alert itself is rewritten
   * at once only if it was not rewritten in the last few seconds; otherwise the growth is held back and written by
   * the next flush. Every other candidate goes through `raise`.
   */
  async raiseMany(candidates: readonly AlertCandidate[], mutes: readonly AlertMute[], now: Date): Promise<void> {
    if (candidates.length === 0) return;
    const openIds = await this.store.openIdsFor(candidates.map(dedupKeyOf));
    const growing = candidates.flatMap((candidate, index) => {
      const alertId = openIds[index];
      return alertId ? [{ alertId, candidate }] : [];
    });
    await this.reportSets.addToMany(growing.map(({ alertId, candidate }) => ({ alertId, reportIds: candidate.reportIds })));
    const due: AlertCandidate[] = [];
    for (const { alertId, candidate } of growing) {
      if (this.grewRecently(alertId, now.getTime())) this.holdBack(alertId, candidate);
      else due.push(candidate);
    }
    const fresh = candidates.filter((_, index) => !openIds[index]);
    await Promise.all([...fresh, ...due].map((candidate) => this.raise(candidate, mutes, now)));
  }

  /** Writes the count of reports the alert's set holds, if the alert shows fewer (another process held it back). */
  async syncReportCount(alert: Alert, count: number, now: Date): Promise<void> {
    // Growth held back here is written with its reports by the flush; a bare count now would only race it.
    if (count <= alert.reportCount || this.heldBack.has(alert.id) || this.flushing.has(alert.id)) return;
    await this.applySystemChange(alert.id, (stored) => withReports(stored, [], count, null, now));
  }

  private grewRecently(alertId: string, nowMs: number): boolean {
    const last = this.lastGrowthWrittenAt.get(alertId);
    return last !== undefined && nowMs - last < GROWTH_NOTICE_INTERVAL_MS;
  }

  private noteGrowthWritten(alertId: string, nowMs: number): void {
    if (this.lastGrowthWrittenAt.size >= MAX_TRACKED_GROWTH) this.lastGrowthWrittenAt.clear();
    this.lastGrowthWrittenAt.set(alertId, nowMs);
  }

  private holdBack(alertId: string, candidate: AlertCandidate): void {
    const held = this.heldBack.get(alertId) ?? { reportIds: [], measure: null };
    held.reportIds.push(...candidate.reportIds);
    held.reportIds.splice(0, Math.max(0, held.reportIds.length - MAX_ALERT_REPORT_IDS));
    if (candidate.measure && (!held.measure || candidate.measure.value >= held.measure.value)) held.measure = candidate.measure;
    this.heldBack.set(alertId, held);
  }

  private async flushHeldBack(now: Date): Promise<void> {
    if (this.heldBack.size === 0) return;
    const entries = [...this.heldBack];
    this.heldBack.clear();
    entries.forEach(([alertId]) => this.flushing.add(alertId));
    try {
      const counts = await this.reportSets.addToMany(entries.map(([alertId]) => ({ alertId, reportIds: [] })));
      await Promise.all(
        entries.map(async ([alertId, held], index) => {
          const written = await this.applySystemChange(alertId, (stored) => withReports(stored, held.reportIds, counts[index] ?? 0, held.measure, now));
          if (written) this.noteGrowthWritten(alertId, now.getTime());
        }),
      );
    } finally {
      entries.forEach(([alertId]) => this.flushing.delete(alertId));
    }
  }

  /** Opens an alert for the candidate, adds to the open one, or holds it back (mute, cooldown). */
  async raise(candidate: AlertCandidate, mutes: readonly AlertMute[], now: Date): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const dedupKey = dedupKeyOf(candidate);
      const openId = await this.store.openIdFor(dedupKey);
      const open = openId ? await this.store.get(openId) : null;
      const lastClosedAtMs = open ? null : await this.store.lastClosedAt(dedupKey);
      const decision = decideRaise(candidate, { open, lastClosedAtMs, mutes }, now.getTime());
      if (decision.kind === 'muted') {
        await this.mutesStore.countSuppressed(decision.mute.id);
        return;
      }
      if (decision.kind === 'cooling_down') return;
      if (decision.kind === 'attach') {
        const count = await this.reportSets.add(decision.alert.id, candidate.reportIds);
        const next = withReports(decision.alert, candidate.reportIds, count, candidate.measure, now);
        if (next === null) return;
        if (await this.store.update(decision.alert.version, next, 'reports_added', 0)) {
          this.noteGrowthWritten(decision.alert.id, now.getTime());
          return;
        }
        continue;
      }
      const alert = openAlert(candidate, { id: randomUUID(), scopeName: this.scopeName(candidate.scope), now, bounds: this.bounds(candidate.rule.severity) });
      if ((await this.store.open(alert)).opened) return;
    }
    throw new AlertBusyError(`alert ${dedupKeyOf(candidate)} is being changed by many writers at once`);
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

  /** Street · community · grid names under the district, as officers say where something is. */
  private scopeName(scopeId: string): string {
    const names = lineageOf(parseScope(scopeId))
      .filter((scope) => scope.level !== 'district')
      .map((scope) => this.reference.find(scope)?.name ?? scope.code);
    return names.length > 0 ? names.join(' · ') : (this.reference.find(parseScope(scopeId))?.name ?? scopeId);
  }
}

