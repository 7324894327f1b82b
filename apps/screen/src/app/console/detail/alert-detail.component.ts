import { ChangeDetectionStrategy, Component, DestroyRef, ErrorHandler, computed, effect, inject, input, signal, untracked, type WritableSignal } from '@angular/core';
import {
  ALERT_ACTION_LABELS,
  CATEGORY_LABELS,
  DEPARTMENTS,
  DEPARTMENTS_BY_CATEGORY,
  SEVERITY_LABELS,
  SOURCE_LABELS,
  TICKET_EVENT_LABELS,
  TICKET_STATE_LABELS,
  type Alert,
  type AlertAction,
  type AlertDetail,
  type AlertRulesFile,
  type Severity,
  type TicketView,
} from '@grid-command/contracts';
import { formatScope } from '@grid-command/domain';
import { actionRequest, legalActions } from '../actions/alert-actions';
import { ticketHistoryKey } from './ticket-history-key';
import { AlertApi } from '../../shared/alerts/alert-api.service';
import { AlertFeedService } from '../../shared/alerts/alert-feed.service';
import { actionLogText, alertTimers, categoryLabel, escalationText, ruleName, severityLabel, stateText, type ScopeNames } from '../../shared/alerts/alert-text';
import type { Lang } from '../../shared/config/wall-params';
import { ApiRequestError } from '../../shared/data/api-request.error';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import { readableTime } from '../../shared/time/clock-format';
import { DeploymentTimeZone } from '../../shared/time/deployment-time-zone.service';
import { ScopeNameCache } from '../../shared/scopes/scope-name-cache.service';

type Loadable<T> = { readonly key: string; readonly status: 'loading' } | { readonly key: string; readonly status: 'ready'; readonly value: T } | { readonly key: string; readonly status: 'error'; readonly message: string };

interface ActionMessage {
  readonly kind: 'conflict' | 'error' | 'done';
  readonly text: string;
}

/** Sort order of the reports: newest first, as an officer reads them. */
const byReportedAtDesc = (a: { reportedAt: string }, b: { reportedAt: string }): number => Date.parse(b.reportedAt) - Date.parse(a.reportedAt);

/** The department the category usually goes to (派单), as the picker's first suggestion. */
function suggestedDepartment(alert: Alert | null): string {
  const weights = alert?.category === null || alert === null ? undefined : DEPARTMENTS_BY_CATEGORY[alert.category];
  const top = weights === undefined ? undefined : Object.entries(weights).sort((a, b) => b[1] - a[1])[0]?.[0];
  return top ?? DEPARTMENTS[0] ?? '';
}

/**
 * The selected alert: what fired and where, its countdowns, the reports behind it and the ticket history of the one
 * picked, the log of every action, and the buttons the alert's state allows. Every action carries the version the
 * officer was looking at; if someone else acted first, the 409's alert replaces this one at once.
 */
@Component({
  selector: 'gc-alert-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alert-detail.component.html',
  styleUrl: './alert-detail.component.css',
  host: { '[attr.data-detail-alert]': 'alert()?.id ?? null' },
})
export class AlertDetailComponent {
  readonly alert = input.required<Alert | null>();
  readonly rules = input.required<AlertRulesFile | null>();
  readonly names = input.required<ScopeNames>();
  readonly now = input.required<number>();
  readonly lang = input.required<Lang>();

  private readonly api = inject(AlertApi);
  private readonly feed = inject(AlertFeedService);
  private readonly errors = inject(ErrorHandler);
  private readonly timeZone = inject(DeploymentTimeZone).zone;
  private readonly scopeNames = inject(ScopeNameCache);

  /** Changes only with the selection, not with every new version of the selected alert. */
  private readonly alertId = computed(() => this.alert()?.id ?? null);
  protected readonly departments = DEPARTMENTS;
  protected readonly detail = signal<Loadable<AlertDetail> | null>(null);
  protected readonly ticketId = signal<string | null>(null);
  protected readonly ticket = signal<Loadable<TicketView> | null>(null);
  protected readonly department = signal('');
  protected readonly otherDepartment = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal<AlertAction | null>(null);
  protected readonly message = signal<ActionMessage | null>(null);
  /** Answers to this console's actions: each loads the ticket history again (see ticketHistoryKey). */
  private readonly actionsAnswered = signal(0);
  private destroyed = false;

  protected readonly t = (key: MessageKey, params?: Parameters<typeof translate>[2]): string => translate(this.lang(), key, params);
  /** An instant as the officer reads it: in the deployment's zone, with its date when not today. */
  private readonly time = (instant: string): string => readableTime(Date.parse(instant), this.now(), this.timeZone(), this.lang(), true);

  protected readonly header = computed(() => {
    const alert = this.alert();
    if (alert === null) return null;
    const lang = this.lang();
    return {
      severity: severityLabel(alert, lang),
      rule: ruleName(alert, this.rules(), lang),
      title: alert.title[lang],
      // The server's title usually names the place already.
      place: [alert.title[lang].includes(alert.scopeName) ? null : alert.scopeName, categoryLabel(alert, lang)].filter((part) => part !== null).join(' · '),
      state: stateText(alert, lang),
      opened: translate(lang, 'detail.opened', { time: this.time(alert.openedAt) }),
      measure: alert.measure === null ? null : translate(lang, 'detail.measure', { value: alert.measure.value, threshold: alert.measure.threshold }),
      escalation: escalationText(alert, this.names(), lang),
      timers: alertTimers(alert, this.now(), lang),
    };
  });

  protected readonly actions = computed(() => {
    const alert = this.alert();
    const lang = this.lang();
    return alert === null ? [] : legalActions(alert.state).map((action) => ({ action, label: ALERT_ACTION_LABELS[action][lang] }));
  });

  protected readonly reports = computed(() => {
    const detail = this.detail();
    const lang = this.lang();
    if (detail?.status !== 'ready') return [];
    return [...detail.value.reports].sort(byReportedAtDesc).map((report) => ({
      id: report.id,
      time: this.time(report.reportedAt),
      severity: SEVERITY_LABELS[report.severity as Severity][lang],
      category: CATEGORY_LABELS[report.category][lang],
      source: SOURCE_LABELS[report.source][lang],
      grid: this.gridName(report.gridCode),
      description: report.description,
    }));
  });
  protected readonly hiddenReports = computed(() => {
    const alert = this.alert();
    return alert === null ? 0 : Math.max(0, alert.reportCount - this.reports().length);
  });

  protected readonly history = computed(() => {
    const ticket = this.ticket();
    const lang = this.lang();
    if (ticket?.status !== 'ready') return null;
    const { ticket: snapshot, history } = ticket.value;
    return {
      state: TICKET_STATE_LABELS[snapshot.state][lang],
      department: snapshot.department,
      events: [
        { key: 'reported', time: this.time(snapshot.reportedAt), text: TICKET_EVENT_LABELS.reported[lang] },
        ...history.map((event) => ({
          key: event.id,
          time: this.time(event.at),
          text: [TICKET_EVENT_LABELS[event.type][lang], event.actor, event.department, event.note].filter((part) => part !== null && part !== '').join(' · '),
        })),
      ],
    };
  });

  protected readonly log = computed(() => {
    const alert = this.alert();
    const lang = this.lang();
    if (alert === null) return [];
    return [...alert.actions].reverse().map((record, index) => ({
      key: `${record.at}#${index}`,
      time: this.time(record.at),
      text: actionLogText(record, this.names(), lang),
      change: record.change,
    }));
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    // A new selection starts clean: no stale message, its own ticket.
    effect(() => {
      this.alertId();
      untracked(() => {
        this.message.set(null);
        this.note.set('');
        this.otherDepartment.set('');
        this.department.set(suggestedDepartment(this.alert()));
        // An SLA alert is about its ticket; otherwise the latest report's ticket (report id = ticket id).
        const alert = this.alert();
        this.ticketId.set(alert === null ? null : (alert.ticketId ?? alert.reportIds.at(-1) ?? null));
      });
    });
    // The reports' grids by name: a street's or district's console has not loaded its grids' names.
    effect(() => {
      const detail = this.detail();
      if (detail?.status !== 'ready') return;
      const grids = detail.value.reports.map((report) => formatScope({ level: 'grid', code: report.gridCode }));
      untracked(() => this.scopeNames.want(grids));
    });
    // Reports again when more arrived.
    effect(() => {
      const alert = this.alert();
      if (alert === null) return;
      const key = `${alert.id}#${alert.reportCount}`;
      untracked(() => {
        if (this.detail()?.key !== key) this.load(this.detail, key, () => this.api.detail(alert.id));
      });
    });
    // The ticket history again after every change of the alert and every answer to an action (a dispatch writes to the ticket).
    effect(() => {
      const ticketId = this.ticketId();
      const version = this.alert()?.version ?? 0;
      const answered = this.actionsAnswered();
      if (ticketId === null) return;
      const key = ticketHistoryKey(ticketId, version, answered);
      untracked(() => {
        if (this.ticket()?.key !== key) this.load(this.ticket, key, () => this.api.ticket(ticketId));
      });
    });
  }

  protected pickTicket(id: string): void {
    this.ticketId.set(id);
  }

  protected async act(action: AlertAction): Promise<void> {
    const alert = this.alert();
    if (alert === null || this.busy() !== null) return;
    const request = actionRequest(action, { department: this.department(), otherDepartment: this.otherDepartment(), note: this.note() }, alert.version);
    if (typeof request === 'string') {
      this.message.set({ kind: 'error', text: this.t(`detail.${request}`) });
      return;
    }
    this.busy.set(action);
    this.message.set(null);
    try {
      const result = await this.api.act(alert.id, request);
      this.feed.apply(result.alert);
      this.actionsAnswered.update((count) => count + 1);
      this.note.set('');
      this.message.set({ kind: 'done', text: `${ALERT_ACTION_LABELS[action][this.lang()]} ✓` });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409 && error.body?.alert !== undefined) {
        // Someone else got there first: show what they did, now.
        this.feed.apply(error.body.alert);
        this.actionsAnswered.update((count) => count + 1);
        this.message.set({ kind: 'conflict', text: this.t('detail.conflict', { message: error.detail }) });
      } else {
        this.errors.handleError(error);
        this.message.set({ kind: 'error', text: this.t('detail.actionFailed', { message: error instanceof ApiRequestError ? error.detail : String(error) }) });
      }
    } finally {
      this.busy.set(null);
    }
  }

  /** A report's grid by name: the alert's own name when the alert is on that grid, else a name known, else its code. */
  private gridName(gridCode: string): string {
    const scope = formatScope({ level: 'grid', code: gridCode });
    const alert = this.alert();
    return scope === alert?.scope ? alert.scopeName : (this.names().get(scope) ?? gridCode);
  }

  private load<T>(target: WritableSignal<Loadable<T> | null>, key: string, fetch: () => Promise<T>): void {
    target.set({ key, status: 'loading' });
    fetch().then(
      (value) => {
        if (!this.destroyed && target()?.key === key) target.set({ key, status: 'ready', value });
      },
      (error: unknown) => {
        this.errors.handleError(error);
        if (!this.destroyed && target()?.key === key) target.set({ key, status: 'error', message: error instanceof ApiRequestError ? error.detail : String(error) });
      },
    );
  }
}
