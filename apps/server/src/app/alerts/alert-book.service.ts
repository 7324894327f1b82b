import type { Alert, AlertActionRequest, AlertChange, AlertMute, AlertRulesFile } from '@grid-command/contracts';
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
import { AlertStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';

/** Two changes racing on one alert retry against the winner; more collisions than this is a hot loop. */
const MAX_ATTEMPTS = 5;
/**
 * An open alert that keeps growing (a spike during a campaign) is rewritten and announced at most this often;
 * in between its reports are only counted, and the timer's pass writes the count.
 */
const GROWTH_NOTICE_INTERVAL_MS = 5_000;
const MAX_TRACKED_GROWTH = 10_000;
const MINUTE_MS = 60_000;

export type ActOutcome = { readonly kind: 'applied'; readonly alert: Alert } | { readonly kind: 'conflict'; readonly message: string; readonly alert: Alert };

export class AlertBusyError extends Error {}

/**
 * Every change to an alert goes through here: read the record, decide with the pure rules of libs/domain, write
 * with a compare-and-set, and on losing the race read again. Redis announces each written change.
 */
@Injectable()
export class AlertBook {
  private readonly lastGrowthWrittenAt = new Map<string, number>();

  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly store: AlertStore,
  ) {}

  /**
   * Raises many candidates with a few round trips for the common case of a condition holding again while its
   * alert is open: the new reports are added to the alert's set in one pipeline, and the alert itself is rewritten
   * only when its growth is due to be announced. Every other candidate goes through `raise`.
   */
  async raiseMany(candidates: readonly AlertCandidate[], mutes: readonly AlertMute[], now: Date): Promise<void> {
    if (candidates.length === 0) return;
    const openIds = await this.store.openIdsFor(candidates.map(dedupKeyOf));
    const growing = candidates.flatMap((candidate, index) => {
      const alertId = openIds[index];
      return alertId ? [{ alertId, candidate }] : [];
    });
    await this.store.addReportsToMany(growing.map(({ alertId, candidate }) => ({ alertId, reportIds: candidate.reportIds })));
    const due = growing.filter(({ alertId }) => this.growthDue(alertId, now.getTime())).map(({ candidate }) => candidate);
    const fresh = candidates.filter((_, index) => !openIds[index]);
    await Promise.all([...fresh, ...due].map((candidate) => this.raise(candidate, mutes, now)));
  }

  /** Writes the count of reports the alert's set holds, if the alert shows fewer (growth held back by `raiseMany`). */
  async syncReportCount(alert: Alert, count: number, now: Date): Promise<void> {
    if (count <= alert.reportCount) return;
    await this.applySystemChange(alert.id, (stored) => withReports(stored, [], count, null, now));
  }

  private growthDue(alertId: string, nowMs: number): boolean {
    const last = this.lastGrowthWrittenAt.get(alertId);
    if (last !== undefined && nowMs - last < GROWTH_NOTICE_INTERVAL_MS) return false;
    if (this.lastGrowthWrittenAt.size >= MAX_TRACKED_GROWTH) this.lastGrowthWrittenAt.clear();
    this.lastGrowthWrittenAt.set(alertId, nowMs);
    return true;
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
        await this.store.countSuppressed(decision.mute.id);
        return;
      }
      if (decision.kind === 'cooling_down') return;
      if (decision.kind === 'attach') {
        const count = await this.store.addReports(decision.alert.id, candidate.reportIds);
        const next = withReports(decision.alert, candidate.reportIds, count, candidate.measure, now);
        if (next === null) return;
        if (await this.store.update(decision.alert.version, next, 'reports_added', 0)) return;
        continue;
      }
      const alert = openAlert(candidate, { id: randomUUID(), scopeName: this.scopeName(candidate.scope), now, bounds: this.bounds(candidate.rule.severity) });
      if ((await this.store.open(alert)).opened) return;
    }
    throw new AlertBusyError(`alert ${dedupKeyOf(candidate)} is being changed by many writers at once`);
  }

  /** An officer's action; a conflict carries the alert as it now stands. Null when there is no such alert. */
  async act(id: string, request: AlertActionRequest, now: Date): Promise<ActOutcome | null> {
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

