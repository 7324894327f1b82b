import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, input, output, untracked } from '@angular/core';
import { canvasSize, type Dashboard, type LayoutNotice, type ScopeDetail } from '@grid-command/contracts';
import { WALL_PARAMS } from '../shared/config/wall-params.token';
import { withScope } from '../shared/config/wall-params';
import { CredentialWatch } from './data/credential-watch.service';
import { KpiFeedService } from './data/kpi-feed.service';
import { LiveSnapshotService } from './data/live-snapshot.service';
import { WallRemote } from './remote/wall-remote.service';
import { assessFreshness, isOutOfDate } from '../shared/freshness/freshness';
import { LangService } from '../shared/i18n/lang.service';
import { translate } from '../shared/i18n/messages';
import { assessKpiFreshness, kpiFreshnessNotice } from './kpi/kpi-freshness';
import { periodLabel } from './kpi/kpi-format';
import { wallFreshness } from './wall-freshness';
import { panelRect, titleSpan, wallSpacing } from './stage/panel-geometry';
import { ViewportService } from './stage/viewport.service';
import { LayoutNoticeComponent } from './layout-notice.component';
import { breadcrumb, drillTarget, isDrillable } from './navigation/scope-trail';
import { wallHeading } from './navigation/wall-heading';
import { AlertTickerPanelComponent } from './panels/alert-ticker/alert-ticker-panel.component';
import { CategoryMixPanelComponent } from './panels/category-mix/category-mix-panel.component';
import { ClockPanelComponent } from './panels/clock/clock-panel.component';
import { ClosingRankingPanelComponent } from './panels/closing-ranking/closing-ranking-panel.component';
import { FreshnessPanelComponent } from './panels/freshness/freshness-panel.component';
import { KpisPanelComponent } from './panels/kpis/kpis-panel.component';
import { MapPanelComponent } from './panels/map/map-panel.component';
import { OverdueListPanelComponent } from './panels/overdue-list/overdue-list-panel.component';
import { RankingPanelComponent } from './panels/ranking/ranking-panel.component';
import { ResolveDistributionPanelComponent } from './panels/resolve-distribution/resolve-distribution-panel.component';
import { TrendPanelComponent } from './panels/trend/trend-panel.component';
import { WorkflowKpisPanelComponent } from './panels/workflow-kpis/workflow-kpis-panel.component';
import { WallClock } from '../shared/time/wall-clock.service';
import { ReplayBarComponent } from './replay/replay-bar.component';
import { replayText } from './replay/replay-messages';
import { ReplaySession } from './replay/replay-session.service';
import { ReplayClockComponent, ReplayStatusComponent } from './replay/replay-status.component';
import { wallDataProviders } from './replay/wall-data-providers';
import { DeploymentTimeZone } from '../shared/time/deployment-time-zone.service';
import { panelTitle } from './panel-title';

/** Panels fed by `GET /api/v1/kpis` rather than the live socket: they carry their own freshness. */
const KPI_PANELS: ReadonlySet<string> = new Set(['workflow-kpis', 'overdue-list', 'resolve-distribution', 'closing-ranking']);
/** Panels with a feed of their own (the alert ticker watches alerts): the snapshot's freshness does not drain them. */
const OWN_FEED_PANELS: ReadonlySet<string> = new Set(['alert-ticker']);

/**
 * One dashboard on the stage: its panels where the layout puts them, fed by the scope's live snapshot and
 * its polled workflow KPIs. A click on a unit (map or ranking) asks to show that unit; the breadcrumb goes back up.
 */
@Component({
  selector: 'gc-wall',
  imports: [
    KpisPanelComponent,
    TrendPanelComponent,
    CategoryMixPanelComponent,
    RankingPanelComponent,
    MapPanelComponent,
    ClockPanelComponent,
    FreshnessPanelComponent,
    WorkflowKpisPanelComponent,
    OverdueListPanelComponent,
    ResolveDistributionPanelComponent,
    ClosingRankingPanelComponent,
    AlertTickerPanelComponent,
    LayoutNoticeComponent,
    ReplayBarComponent,
    ReplayStatusComponent,
    ReplayClockComponent,
  ],
  // Live sources, or the replay's under the same tokens when the address has `at` (wall-data-providers.ts).
  providers: [...wallDataProviders(), CredentialWatch, WallRemote],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wall.component.html',
  styleUrl: './wall.component.css',
  host: {
    '[class.out-of-date]': 'outOfDate()',
    '[attr.data-freshness]': 'freshness().level',
    '[attr.data-link]': 'freshness().connection',
    '[attr.data-scope]': 'scope().scope',
    '[attr.data-kpi-freshness]': 'kpiFreshness().level',
    '[attr.data-replay]': 'replay === null ? null : "true"',
    '[attr.data-layout-revision]': 'dashboard().revision ?? null',
  },
})
export class WallComponent {
  /** The layout; as served it may carry a notice that its file was edited into something invalid. */
  readonly dashboard = input.required<Dashboard & { readonly revision?: string; readonly notice?: LayoutNotice }>();
  readonly scope = input.required<ScopeDetail>();
  /** Names of the scope and its ancestors. */
  readonly names = input.required<ReadonlyMap<string, string>>();
  /** A drill-down or a breadcrumb click: the scope to show. */
  readonly navigate = output<string>();

  private readonly live = inject(LiveSnapshotService);
  // Started with the wall and stopped with it: the wall's credential is checked only while figures are on screen.
  private readonly credentialWatch = inject(CredentialWatch);
  // Reports the wall's health and carries out the fleet's commands, on the live socket (see WallRemote).
  private readonly remote = inject(WallRemote);
  private readonly kpis = inject(KpiFeedService);
  private readonly clock = inject(WallClock);
  /** Set when the wall replays a past moment (`?at=`): its time is the replay's, and it never says 实时. */
  protected readonly replay = inject(ReplaySession, { optional: true });
  private readonly deploymentZone = inject(DeploymentTimeZone);
  private readonly viewport = inject(ViewportService);
  private readonly langService = inject(LangService);
  private readonly document = inject(DOCUMENT);
  private readonly period = inject(WALL_PARAMS).period;

  protected readonly lang = this.langService.lang;
  protected readonly now = computed(() => this.replay?.position() ?? this.clock.now());
  /** Ages are in replayed time, which runs `speed` times faster: the allowance grows with it. */
  private readonly ageScale = computed(() => this.replay?.speed() ?? 1);
  protected readonly noAlertsInReplay = computed(() => replayText(this.lang(), 'noAlerts'));
  protected readonly snapshot = this.live.snapshot;
  protected readonly kpiData = computed(() => this.kpis.state().data);
  /** The page's zone (the server writes it in), else the snapshot's, never the browser's. */
  protected readonly timeZone = computed(() => this.deploymentZone.zone() ?? this.snapshot()?.timezone ?? null);
  protected readonly asOfMs = computed(() => {
    const snapshot = this.snapshot();
    return snapshot === null ? null : Date.parse(snapshot.asOf);
  });
  protected readonly freshness = computed(() =>
    assessFreshness({
      connection: this.live.connection(),
      asOfMs: this.asOfMs(),
      silent: this.live.silent(),
      nowMs: this.now(),
      staleAfterSeconds: this.dashboard().staleAfterSeconds * this.ageScale(),
    }),
  );
  protected readonly outOfDate = computed(() => isOutOfDate(this.freshness()));

  protected readonly kpiFreshness = computed(() => {
    const { data, lastFetchFailed } = this.kpis.state();
    const dashboard = this.dashboard();
    return assessKpiFreshness({
      generatedAtMs: data === null ? null : Date.parse(data.generatedAt),
      lastFetchFailed,
      nowMs: this.now(),
      staleAfterSeconds: dashboard.kpiStaleAfterSeconds * this.ageScale(),
    });
  });
  /** The header's one status: never live while a KPI panel says its data failed. */
  protected readonly status = computed(() => wallFreshness(this.freshness(), this.kpiFreshness()));
  protected readonly kpiNotice = computed(() => kpiFreshnessNotice(this.kpiFreshness(), this.lang()));
  protected readonly kpiOutOfDate = computed(() => this.kpiFreshness().level === 'stale' || this.kpiFreshness().level === 'unavailable');

  protected readonly canvas = computed(() => canvasSize(this.dashboard().canvas), { equal: (a, b) => a.width === b.width && a.height === b.height });
  /** The layout's grid over its whole canvas. */
  private readonly spacing = computed(() => wallSpacing(this.canvas()));
  protected readonly layoutNotice = computed(() => this.dashboard().notice ?? null);

  protected readonly panels = computed(() => {
    const { panels, grid } = this.dashboard();
    const lang = this.lang();
    const scope = this.scope();
    const data = this.kpiData();
    const context = {
      lang,
      scopeLevel: scope.level,
      period: periodLabel(this.period, lang),
      kpiScopeName: data?.scopeName ?? scope.name,
      overdueNow: data?.overdueNow ?? null,
    };
    const spacing = this.spacing();
    return panels.map((panel) => ({ panel, rect: panelRect(panel, grid, spacing), title: panelTitle(panel, context), fedByKpis: KPI_PANELS.has(panel.type), ownFeed: OWN_FEED_PANELS.has(panel.type) }));
  });

  protected readonly heading = computed(() => wallHeading(this.dashboard(), this.scope(), this.lang()));
  protected readonly crumbs = computed(() =>
    breadcrumb(this.scope().scope, this.names()).map((crumb) => ({ ...crumb, href: withScope(this.document.location.search, crumb.scope) })),
  );
  protected readonly navLabel = computed(() => translate(this.lang(), 'nav.label'));
  protected readonly titleRect = computed(() => {
    const { panels, grid } = this.dashboard();
    const span = titleSpan(panels, grid);
    return span === null ? null : panelRect(span, grid, this.spacing());
  });
  protected readonly switchLangLabel = computed(() => translate(this.lang(), 'wall.switchLang'));

  constructor() {
    // The stage takes the layout's shape: a 48:9 layout fills three screens side by side instead of the middle one.
    effect(() => this.viewport.design.set(this.canvas()));
    effect(() => {
      this.document.title = this.heading();
    });
    // The same socket, and the KPI watch on it, follow the wall from scope to scope.
    effect(() => {
      const scope = this.scope().scope;
      untracked(() => {
        this.live.start(scope);
        this.kpis.start(scope, this.period);
      });
    });
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }

  /** A unit picked in a ranking: only a unit directly below the scope on screen. */
  protected drillTo(target: string): void {
    if (isDrillable(this.scope().scope, target)) this.navigate.emit(target);
  }

  /** A grid clicked on the map: the unit one level down that holds it (on a community, the grid itself). */
  protected drillToGrid(gridCode: string): void {
    const target = drillTarget(this.scope().scope, gridCode);
    if (target !== null) this.navigate.emit(target);
  }

  protected goUp(event: MouseEvent, scope: string): void {
    // A plain click moves in place; a modified click (new tab) follows the link.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    this.navigate.emit(scope);
  }
}
