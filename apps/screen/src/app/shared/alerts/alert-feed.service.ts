import { DestroyRef, ErrorHandler, Injectable, inject, signal } from '@angular/core';
import {
  ALERT_STATES,
  alertNoticeSchema,
  describeIssues,
  type Alert,
  type AlertMute,
  type AlertNotice,
  type AlertRulesFile,
} from '@grid-command/contracts';
import { backoffDelay, type BackoffPolicy } from '../data/backoff';
import { ScopedLiveLink } from '../data/scoped-live-link';
import { applyAlert, applyAlerts, applyRefresh, catchUpSince, EMPTY_BOOK, missedUpdates, type AlertBook } from './alert-book';
import { AlertApi } from './alert-api.service';
import { alertListQuery, DEFAULT_ALERT_FILTERS, type AlertFilters } from './alert-filters';
import { SessionService } from '../auth/session.service';

const RETRY: BackoffPolicy = { initialMs: 1000, maxMs: 15_000 };
export const LIST_LIMIT = 500;

export interface FeedOptions {
  /** How often the whole list is fetched again, so nothing drifts even if a notice was lost. */
  readonly refreshMs: number;
  /** Whether to fetch and report what changed while the link was down (the console does; the wall just refreshes). */
  readonly catchUp: boolean;
}

/** What a reconnect found had changed meanwhile. */
export interface MissedUpdates {
  readonly count: number;
  readonly ids: ReadonlySet<string>;
  readonly truncated: boolean;
}

export type NoticeListener = (event: 'alert' | 'alertUpdated', notice: AlertNotice, before: AlertBook) => void;

/**
 * The alerts of one scope and everything under it: socket.io `watchAlerts` for every change as it happens, a full
 * list on (re)connect and every `refreshMs`, and after a reconnect the changes made meanwhile (`updatedSince`).
 * Everything goes through the alert book, so the same change arriving by two ways, or late, is applied once.
 */
@Injectable()
export class AlertFeedService {
  private readonly api = inject(AlertApi);
  private readonly errors = inject(ErrorHandler);

  private readonly bookSignal = signal<AlertBook>(EMPTY_BOOK);
  private readonly asOfSignal = signal<number | null>(null);
  private readonly lastFetchFailedSignal = signal(false);
  private readonly truncatedSignal = signal(false);
  private readonly mutesSignal = signal<readonly AlertMute[]>([]);
  private readonly rulesSignal = signal<AlertRulesFile | null>(null);
  private readonly missedSignal = signal<MissedUpdates | null>(null);

  readonly book = this.bookSignal.asReadonly();
  private readonly link = new ScopedLiveLink(
    {
      join: 'watchAlerts',
      leave: 'unwatchAlerts',
      what: 'alert watch of',
      listen: (socket) => {
        socket.on('alert', (raw) => this.receive('alert', raw));
        socket.on('alertUpdated', (raw) => this.receive('alertUpdated', raw));
      },
      joined: () => void this.resync(this.generation),
      reconnectAfterMs: (attempt) => backoffDelay(attempt, RETRY),
    },
    this.errors,
    inject(SessionService),
  );
  readonly connection = this.link.connection;
  /** Server time of the last full list received; null before the first. */
  readonly asOfMs = this.asOfSignal.asReadonly();
  readonly lastFetchFailed = this.lastFetchFailedSignal.asReadonly();
  /** The last list stopped at LIST_LIMIT alerts. */
  readonly truncated = this.truncatedSignal.asReadonly();
  readonly mutes = this.mutesSignal.asReadonly();
  readonly rules = this.rulesSignal.asReadonly();
  readonly missed = this.missedSignal.asReadonly();

  private started = false;
  private scope = '';
  private filters: AlertFilters = DEFAULT_ALERT_FILTERS;
  private options: FeedOptions = { refreshMs: 60_000, catchUp: false };
  private listeners: NoticeListener[] = [];
  /** Bumped whenever scope or filters change, or the service is torn down: older answers are for nobody. */
  private generation = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private rulesTimer: ReturnType<typeof setTimeout> | undefined;
  private fetchFailures = 0;
  private refreshing = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.generation += 1;
      clearTimeout(this.refreshTimer);
      clearTimeout(this.rulesTimer);
      this.link.close();
    });
  }

  /** Called for every valid notice, with the book as it was before the notice (the sound decides on it). */
  onNotice(listener: NoticeListener): void {
    this.listeners.push(listener);
  }

  /** Watches `scope` with `filters` applied to the lists; a later call moves to the new scope or filters in place. */
  start(scope: string, filters: AlertFilters, options: FeedOptions): void {
    this.options = options;
    if (!this.started) {
      this.started = true;
      this.scope = scope;
      this.filters = filters;
      this.loadRules(0);
      this.link.start(scope);
      // The list need not wait for the socket: a console whose socket cannot get through still shows (and refreshes) it.
      this.refresh();
      return;
    }
    const scopeChanged = scope !== this.scope;
    if (!scopeChanged && filters === this.filters) return;
    this.scope = scope;
    this.filters = filters;
    this.generation += 1;
    if (scopeChanged) {
      // Another scope's alerts must not linger while the new scope's list is on its way.
      this.bookSignal.set(EMPTY_BOOK);
      this.asOfSignal.set(null);
      this.missedSignal.set(null);
      this.link.start(scope); // joined, it resyncs the new scope's list
      return;
    }
    this.refresh();
  }

  /** An alert the screen got from elsewhere (an action's answer, a 409's body): shown at once, if newer. */
  apply(alert: Alert): void {
    this.bookSignal.update((book) => applyAlert(book, alert));
  }

  dismissMissed(): void {
    this.missedSignal.set(null);
  }

  /** The mutes again, after one was added or lifted (a list refresh in flight may predate the change). */
  async refreshMutes(): Promise<void> {
    const generation = this.generation;
    const mutes = await this.api.mutes(this.scope);
    if (generation === this.generation) this.mutesSignal.set(mutes);
  }

  /** Fetches the whole list now (and the mutes with it). */
  refresh(): void {
    void this.refreshOnce(this.generation);
  }

  /** After a (re)connection: what changed while away, then the whole list. */
  private async resync(generation: number): Promise<void> {
    const since = this.options.catchUp && this.asOfSignal() !== null ? catchUpSince(this.asOfSignal(), this.bookSignal()) : null;
    if (since !== null) {
      try {
        const query = alertListQuery(this.scope, { ...this.filters, states: ALERT_STATES }, LIST_LIMIT, since);
        const list = await this.api.list(query);
        if (generation !== this.generation) return;
        const missed = missedUpdates(this.bookSignal(), list.alerts);
        this.bookSignal.update((book) => applyAlerts(book, list.alerts));
        if (missed.length > 0 || list.truncated) {
          const before = this.missedSignal();
          const ids = new Set([...(before?.ids ?? []), ...missed.map((alert) => alert.id)]);
          this.missedSignal.set({ count: (before?.count ?? 0) + missed.length, ids, truncated: list.truncated });
        }
      } catch (error) {
        // The full list below still brings the screen up to date; only the "missed" count is lost.
        this.errors.handleError(error);
      }
    }
    await this.refreshOnce(generation);
  }

  private async refreshOnce(generation: number): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    clearTimeout(this.refreshTimer);
    let delay = this.options.refreshMs;
    try {
      const list = await this.api.list(alertListQuery(this.scope, this.filters, LIST_LIMIT));
      if (generation !== this.generation) return;
      const asOfMs = Date.parse(list.asOf);
      this.bookSignal.update((book) => applyRefresh(book, list.alerts, asOfMs));
      this.asOfSignal.set(asOfMs);
      this.truncatedSignal.set(list.truncated);
      this.mutesSignal.set(list.mutes);
      this.lastFetchFailedSignal.set(false);
      this.fetchFailures = 0;
    } catch (error) {
      if (generation !== this.generation) return;
      this.lastFetchFailedSignal.set(true);
      delay = Math.min(delay, backoffDelay(this.fetchFailures++, RETRY));
      this.errors.handleError(error);
    } finally {
      this.refreshing = false;
      if (generation === this.generation) this.refreshTimer = setTimeout(() => this.refresh(), delay);
      else this.refresh();
    }
  }

  private loadRules(attempt: number): void {
    this.api.rules().then(
      (rules) => this.rulesSignal.set(rules),
      (error: unknown) => {
        this.errors.handleError(error);
        this.rulesTimer = setTimeout(() => this.loadRules(attempt + 1), backoffDelay(attempt, RETRY));
      },
    );
  }

  private receive(event: 'alert' | 'alertUpdated', raw: unknown): void {
    const parsed = alertNoticeSchema.safeParse(raw);
    if (!parsed.success) {
      this.errors.handleError(new Error(`invalid alert notice dropped: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`));
      return;
    }
    const before = this.bookSignal();
    const after = applyAlert(before, parsed.data.alert);
    if (after === before) return; // already known in this version or a newer one
    this.bookSignal.set(after);
    for (const listener of this.listeners) listener(event, parsed.data, before);
  }
}
