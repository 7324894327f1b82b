import { ChangeDetectionStrategy, Component, DOCUMENT, OnInit, computed, effect, inject, input } from '@angular/core';
import type { Dashboard, ScopeDetail } from '@grid-command/contracts';
import { LiveSnapshotService } from '../data/live-snapshot.service';
import { assessFreshness, isOutOfDate } from '../freshness/freshness';
import { LangService } from '../i18n/lang.service';
import { translate } from '../i18n/messages';
import { panelRect, titleSpan } from '../layout/panel-geometry';
import { CategoryMixPanelComponent } from '../panels/category-mix/category-mix-panel.component';
import { ClockPanelComponent } from '../panels/clock/clock-panel.component';
import { FreshnessPanelComponent } from '../panels/freshness/freshness-panel.component';
import { KpisPanelComponent } from '../panels/kpis/kpis-panel.component';
import { MapPanelComponent } from '../panels/map/map-panel.component';
import { RankingPanelComponent } from '../panels/ranking/ranking-panel.component';
import { TrendPanelComponent } from '../panels/trend/trend-panel.component';
import { WallClock } from '../time/wall-clock.service';
import { panelTitle } from './panel-title';

/** One dashboard on the stage: its panels where the layout puts them, fed by the scope's live snapshot. */
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
  ],
  providers: [LiveSnapshotService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wall.component.html',
  styleUrl: './wall.component.css',
  host: { '[class.out-of-date]': 'outOfDate()', '[attr.data-freshness]': 'freshness().level' },
})
export class WallComponent implements OnInit {
  readonly dashboard = input.required<Dashboard>();
  readonly scope = input.required<ScopeDetail>();

  private readonly live = inject(LiveSnapshotService);
  private readonly clock = inject(WallClock);
  private readonly langService = inject(LangService);
  private readonly document = inject(DOCUMENT);

  protected readonly lang = this.langService.lang;
  protected readonly now = this.clock.now;
  protected readonly snapshot = this.live.snapshot;
  protected readonly timeZone = computed(() => this.snapshot()?.timezone);
  protected readonly asOfMs = computed(() => {
    const snapshot = this.snapshot();
    return snapshot === null ? null : Date.parse(snapshot.asOf);
  });
  protected readonly freshness = computed(() =>
    assessFreshness({
      connection: this.live.connection(),
      asOfMs: this.asOfMs(),
      nowMs: this.now(),
      staleAfterSeconds: this.dashboard().staleAfterSeconds,
    }),
  );
  protected readonly outOfDate = computed(() => isOutOfDate(this.freshness()));

  protected readonly panels = computed(() => {
    const { panels, grid } = this.dashboard();
    const lang = this.lang();
    const level = this.scope().level;
    return panels.map((panel) => ({ panel, rect: panelRect(panel, grid), title: panelTitle(panel, lang, level) }));
  });

  protected readonly heading = computed(() => this.dashboard().title[this.lang()]);
  /** The scope's name when the address picked another scope than the dashboard's, else the title in the other language. */
  protected readonly subheading = computed(() => {
    const dashboard = this.dashboard();
    const scope = this.scope();
    if (scope.scope !== dashboard.scope) return scope.name;
    return dashboard.title[this.lang() === 'zh' ? 'en' : 'zh'];
  });
  protected readonly titleRect = computed(() => {
    const { panels, grid } = this.dashboard();
    const span = titleSpan(panels, grid);
    return span === null ? null : panelRect(span, grid);
  });
  protected readonly switchLangLabel = computed(() => translate(this.lang(), 'wall.switchLang'));

  constructor() {
    effect(() => {
      this.document.title = this.heading();
    });
  }

  ngOnInit(): void {
    this.live.start(this.scope().scope);
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }
}
