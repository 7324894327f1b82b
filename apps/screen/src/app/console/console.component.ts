import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, ErrorHandler, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  ALERT_STATE_LABELS,
  ALERT_STATES,
  CATEGORY_LABELS,
  REPORT_CATEGORIES,
  scopeSummarySchema,
  type AlertState,
  type ReportCategory,
  type ScopeDetail,
} from '@grid-command/contracts';
import { groupStorms } from '@grid-command/domain';
import { z } from 'zod';
import { AlertFeedService, LIST_LIMIT } from '../shared/alerts/alert-feed.service';
import { matchesFilters, type AlertFilters } from '../shared/alerts/alert-filters';
import { chimeFor } from './sound/alert-chime';
import { AlertSound } from './sound/alert-sound.service';
import { WALL_PARAMS } from '../shared/config/wall-params.token';
import { SessionService } from '../shared/auth/session.service';
import { ApiClient } from '../shared/data/api-client.service';
import { backoffDelay } from '../shared/data/backoff';
import { fetchScopeLineage } from '../shared/scopes/scope-lineage';
import { assessFreshness } from '../shared/freshness/freshness';
import { LangService } from '../shared/i18n/lang.service';
import { translate } from '../shared/i18n/messages';
import { formatDuration } from '../shared/time/duration-format';
import { WallClock } from '../shared/time/wall-clock.service';
import { AlertDetailComponent } from './detail/alert-detail.component';
import { AlertListComponent } from './list/alert-list.component';
import { parseConsoleFilters, withConsoleFilters } from './console-params';
import { MutePanelComponent } from './mutes/mute-panel.component';
import { ScopeNameCache } from '../shared/scopes/scope-name-cache.service';
import { ConsoleWallsComponent } from './walls/console-walls.component';
import { ReplayOpenerComponent } from './replay/replay-opener.component';

const districtsSchema = z.strictObject({ districts: z.array(scopeSummarySchema) });

/** The console's full list is fetched again this often, whatever the socket says. */
const REFRESH_MS = 60_000;
/** Beyond this since the last full list (or with the link down) the console says its list may be behind. */
const STALE_AFTER_SECONDS = 2 * (REFRESH_MS / 1000) + 15;

type ScopeState = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | { readonly status: 'ready'; readonly detail: ScopeDetail };

/**
 * 值班台: the duty officer's desk. The live list of the scope's alerts (storms folded), filters kept in the address,
 * the selected alert's reports, ticket history and actions, the active mutes, and a sound for critical alerts.
 */
@Component({
  selector: 'gc-console',
  imports: [AlertListComponent, AlertDetailComponent, MutePanelComponent, ConsoleWallsComponent, ReplayOpenerComponent],
  providers: [AlertFeedService, AlertSound, ScopeNameCache],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './console.component.html',
  styleUrl: './console.component.css',
  host: { '[attr.data-connection]': 'feed.connection()', '[attr.data-freshness]': 'freshness().level' },
})
export class ConsoleComponent {
  protected readonly feed = inject(AlertFeedService);
  protected readonly sound = inject(AlertSound);
  private readonly scopeNames = inject(ScopeNameCache);
  protected readonly session = inject(SessionService);
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly document = inject(DOCUMENT);
  private readonly langService = inject(LangService);
  private readonly requestedScope = inject(WALL_PARAMS).scope;

  protected readonly lang = this.langService.lang;
  protected readonly now = inject(WallClock).now;
  protected readonly scopeState = signal<ScopeState>({ status: 'loading' });
  protected readonly filters = signal<AlertFilters>(parseConsoleFilters(this.document.location.search));
  protected readonly selectedId = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly loggingOut = signal(false);
  /** The logged-in user's roles, as the header lists them next to their name. */
  protected readonly roleText = computed(() => {
    const lang = this.lang();
    return (this.session.principal()?.roles ?? []).map((role) => translate(lang, `role.${role}`)).join(' · ');
  });

  protected readonly names = this.scopeNames.names;
  protected readonly rules = this.feed.rules;
  protected readonly stormThreshold = computed(() => this.rules()?.stormThreshold ?? 5);
  protected readonly detail = computed(() => {
    const state = this.scopeState();
    return state.status === 'ready' ? state.detail : null;
  });
  protected readonly visible = computed(() => [...this.feed.book().alerts.values()].filter((alert) => matchesFilters(alert, this.filters())));
  protected readonly lines = computed(() => groupStorms(this.visible(), this.stormThreshold()));
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id === null ? null : (this.feed.book().alerts.get(id) ?? null);
  });
  protected readonly highlighted = computed(() => this.feed.missed()?.ids ?? new Set<string>());

  protected readonly freshness = computed(() =>
    assessFreshness({ connection: this.feed.connection(), asOfMs: this.feed.asOfMs(), nowMs: this.now(), staleAfterSeconds: STALE_AFTER_SECONDS }),
  );
  protected readonly connectionText = computed(() => {
    const lang = this.lang();
    const freshness = this.freshness();
    const headline = translate(lang, `console.conn.${this.feed.connection()}`);
    return freshness.ageSeconds === null ? headline : `${headline} · ${translate(lang, 'console.syncedAgo', { age: formatDuration(freshness.ageSeconds, lang) })}`;
  });

  protected readonly withinOptions = computed(() => this.detail()?.children ?? []);
  protected readonly withinLabel = computed(() => {
    const level = this.withinOptions()[0]?.level;
    return translate(this.lang(), level === 'community' ? 'console.filter.community' : level === 'grid' ? 'console.filter.grid' : 'console.filter.street');
  });
  protected readonly categoryOptions = computed(() => REPORT_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category][this.lang()] })));
  protected readonly stateOptions = computed(() => ALERT_STATES.map((state) => ({ value: state, label: ALERT_STATE_LABELS[state][this.lang()] })));
  protected readonly listLimit = LIST_LIMIT;

  protected readonly t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string => translate(this.lang(), key, params);

  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.loadTimer));
    void this.loadScope(0);
    effect(() => {
      this.document.title = `${translate(this.lang(), 'console.title')} · ${this.detail()?.name ?? ''}`;
    });
    // The feed follows the scope and the filters; the address follows the filters.
    effect(() => {
      const detail = this.detail();
      const filters = this.filters();
      if (detail === null) return;
      untracked(() => this.feed.start(detail.scope, filters, { refreshMs: REFRESH_MS, catchUp: true }));
    });
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        const { location, defaultView } = this.document;
        defaultView?.history.replaceState(null, '', `${location.pathname}${withConsoleFilters(location.search, filters)}${location.hash}`);
      });
    });
    // Escalation targets and muted scopes are named, not shown as codes.
    effect(() => {
      const targets = [...this.feed.book().alerts.values()].flatMap((alert) => (alert.escalatedTo === null ? [] : [alert.escalatedTo]));
      const muted = this.feed.mutes().flatMap((mute) => (mute.scope === null ? [] : [mute.scope]));
      untracked(() => this.scopeNames.want([...targets, ...muted]));
    });
    this.feed.onNotice((event, notice, before) => {
      const open = [...before.alerts.values()].filter((alert) => alert.state === 'open');
      this.sound.play(chimeFor(event, notice, open, this.stormThreshold()));
    });
  }

  protected setWithin(value: string): void {
    this.filters.update((filters) => ({ ...filters, within: value === '' ? null : value }));
  }

  protected setCategory(value: string): void {
    const category = (REPORT_CATEGORIES as readonly string[]).includes(value) ? (value as ReportCategory) : null;
    this.filters.update((filters) => ({ ...filters, category }));
  }

  protected toggleState(state: AlertState, on: boolean): void {
    this.filters.update((filters) => {
      const states = ALERT_STATES.filter((candidate) => (candidate === state ? on : filters.states.includes(candidate)));
      // Never an empty list: unticking the last state leaves it ticked.
      return states.length === 0 ? filters : { ...filters, states };
    });
  }

  protected toggleStorm(groupKey: string): void {
    this.expanded.update((expanded) => {
      const next = new Set(expanded);
      if (!next.delete(groupKey)) next.add(groupKey);
      return next;
    });
  }

  /** Ends the session here and on the server; the page shows the login at the same address. */
  protected async logout(): Promise<void> {
    this.loggingOut.set(true);
    await this.session.logout();
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }

  protected wallHref(): string {
    const detail = this.detail();
    const params = new URLSearchParams();
    if (detail !== null) params.set('scope', detail.scope);
    if (this.lang() === 'en') params.set('lang', 'en');
    const text = params.toString();
    return text === '' ? '/' : `/?${text}`;
  }

  protected retryLoad(): void {
    clearTimeout(this.loadTimer);
    void this.loadScope(0);
  }

  /** The scope asked for in the address, else the user's first granted scope; its ancestors' and children's names. */
  private async loadScope(failures: number): Promise<void> {
    this.scopeState.set({ status: 'loading' });
    try {
      const requested = this.requestedScope ?? this.session.principal()?.scopes[0] ?? (await this.api.get('/api/v1/scopes', districtsSchema)).districts[0]?.scope;
      if (requested === undefined) throw new Error('the server serves no district');
      const { detail, names } = await fetchScopeLineage(this.api, requested);
      this.scopeNames.add([...names, ...detail.children.map((child) => [child.scope, child.name] as const)]);
      this.scopeState.set({ status: 'ready', detail });
    } catch (error) {
      this.errors.handleError(error);
      this.scopeState.set({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      this.loadTimer = setTimeout(() => void this.loadScope(failures + 1), backoffDelay(failures));
    }
  }
}
