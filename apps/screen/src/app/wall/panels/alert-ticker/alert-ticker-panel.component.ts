import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { groupStorms } from '@grid-command/domain';
import { AlertFeedService } from '../../../shared/alerts/alert-feed.service';
import { ScopeNameCache } from '../../../shared/scopes/scope-name-cache.service';
import { DEFAULT_ALERT_FILTERS } from '../../../shared/alerts/alert-filters';
import { tickerItems, type ScopeNames } from '../../../shared/alerts/alert-text';
import type { Lang } from '../../../shared/config/wall-params';
import { assessFreshness, isOutOfDate } from '../../../shared/freshness/freshness';
import { freshnessText } from '../../../shared/freshness/freshness-text';
import { translate } from '../../../shared/i18n/messages';
import { tickerMotion } from './ticker-motion';

/** The wall refreshes its alert list this often besides the socket; the ticker's staleness is measured against it. */
const REFRESH_MS = 30_000;

/**
 * 实时告警: the scope's active alerts scrolling past (a storm as one item with its count), each with who acknowledged,
 * which department is on it, how long it has been open and its escalations. Says so when its list may be behind.
 */
@Component({
  selector: 'gc-alert-ticker-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AlertFeedService, ScopeNameCache],
  host: { '[attr.data-level]': 'freshness().level', '[class.out-of-date]': 'outOfDate()', '[attr.data-active]': 'active().length' },
  template: `
    <div class="label">
      <span class="label__title">{{ title() }}</span>
      <span class="label__count">{{ countText() }}</span>
      @if (notice(); as notice) {
        <span class="label__notice" role="status" data-ticker-notice>{{ notice }}</span>
      }
    </div>
    <div class="viewport">
      @if (items().length === 0) {
        <span class="quiet">{{ emptyText() }}</span>
      } @else {
        <div class="track" [class.track--moving]="motion().moving" [style.animation-duration.s]="motion().seconds">
          @for (copy of motion().copies; track copy) {
            @for (item of items(); track item.key) {
              <span class="item" [attr.data-severity]="item.severity" [attr.data-loud]="item.loud" [attr.data-ticker-item]="item.key" [attr.aria-hidden]="copy > 0">
                <span class="dot"></span>{{ item.text }}
              </span>
            }
          }
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: stretch;
      height: 100%;
      overflow: hidden;
      background: linear-gradient(180deg, rgba(10, 37, 84, 0.72), rgba(5, 20, 48, 0.8));
      border: 1px solid var(--gc-line);
    }
    :host(.out-of-date) .viewport {
      filter: grayscale(0.85) brightness(0.6);
    }
    .label {
      flex: none;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 2px;
      padding: 0 18px;
      min-width: 170px;
      background: linear-gradient(90deg, rgba(244, 63, 94, 0.3), rgba(244, 63, 94, 0.08));
      border-right: 2px solid var(--gc-danger);
    }
    .label__title {
      font-size: 21px;
      font-weight: 800;
      letter-spacing: 3px;
      color: #ffe4e6;
      white-space: nowrap;
    }
    .label__count {
      font-size: 15px;
      color: var(--gc-muted);
      white-space: nowrap;
    }
    .label__notice {
      font-size: 14px;
      color: var(--gc-warning);
      white-space: nowrap;
      animation: blink 1.6s ease-in-out infinite;
    }
    :host([data-level='offline']) .label__notice {
      color: var(--gc-danger);
    }
    .viewport {
      flex: 1;
      min-width: 0;
      display: flex;
      align-items: center;
      overflow: hidden;
      mask-image: linear-gradient(90deg, transparent, #000 3%, #000 97%, transparent);
    }
    .quiet {
      padding-left: 24px;
      font-size: 20px;
      color: var(--gc-ok);
    }
    .track {
      display: inline-flex;
      white-space: nowrap;
      padding-left: 24px;
    }
    .track--moving {
      animation-name: scroll;
      animation-timing-function: linear;
      animation-iteration-count: infinite;
    }
    .item {
      display: inline-flex;
      align-items: center;
      gap: 10px;
      margin-right: 56px;
      font-size: 21px;
      color: var(--gc-text);
    }
    .dot {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--gc-warning);
    }
    .item[data-severity='major'] .dot {
      background: #fb923c;
    }
    .item[data-severity='critical'] .dot {
      background: var(--gc-danger);
      box-shadow: 0 0 10px var(--gc-danger);
    }
    .item[data-loud='true'] {
      color: #fecdd3;
      font-weight: 700;
    }
    @keyframes scroll {
      to {
        transform: translateX(-50%);
      }
    }
    @keyframes blink {
      50% {
        opacity: 0.45;
      }
    }
  `,
})
export class AlertTickerPanelComponent {
  readonly scope = input.required<string>();
  readonly limit = input.required<number>();
  /** Design pixels per second. */
  readonly speed = input.required<number>();
  /** The panel's width in design pixels: items that fit stand still. */
  readonly width = input.required<number>();
  /** Names of the wall's scope and its ancestors, for where an alert was escalated to. */
  readonly names = input.required<ScopeNames>();
  readonly now = input.required<number>();
  readonly lang = input.required<Lang>();
  readonly staleAfterSeconds = input.required<number>();

  private readonly feed = inject(AlertFeedService);
  private readonly scopeNames = inject(ScopeNameCache);
  /** The wall's names and those asked for: an alert under a district wall is escalated to a community it never loaded. */
  private readonly knownNames = computed<ScopeNames>(() => new Map([...this.names(), ...this.scopeNames.names()]));

  protected readonly active = computed(() => [...this.feed.book().alerts.values()].filter((alert) => alert.state !== 'closed'));
  protected readonly lines = computed(() => groupStorms(this.active(), this.feed.rules()?.stormThreshold ?? 5));
  protected readonly items = computed(() => tickerItems(this.lines().slice(0, this.limit()), this.feed.rules(), this.knownNames(), this.now(), this.lang()));
  protected readonly motion = computed(() => tickerMotion(this.items(), this.width(), this.speed()));

  protected readonly freshness = computed(() =>
    assessFreshness({
      connection: this.feed.connection(),
      asOfMs: this.feed.asOfMs(),
      nowMs: this.now(),
      // A quiet scope sends no notices: the periodic list is what proves the ticker current.
      staleAfterSeconds: Math.max(this.staleAfterSeconds(), (2 * REFRESH_MS) / 1000),
    }),
  );
  protected readonly outOfDate = computed(() => isOutOfDate(this.freshness()));
  protected readonly notice = computed(() => {
    const freshness = this.freshness();
    const lang = this.lang();
    if (freshness.level === 'waiting') return translate(lang, 'ticker.waiting');
    return isOutOfDate(freshness) ? freshnessText(freshness, this.feed.asOfMs(), null, lang).headline : null;
  });
  protected readonly title = computed(() => translate(this.lang(), 'panel.alertTicker'));
  protected readonly countText = computed(() => translate(this.lang(), 'ticker.count', { count: this.active().length }));
  protected readonly emptyText = computed(() => translate(this.lang(), this.freshness().level === 'waiting' ? 'ticker.waiting' : 'ticker.none'));

  constructor() {
    effect(() => {
      const scope = this.scope();
      untracked(() => this.feed.start(scope, DEFAULT_ALERT_FILTERS, { refreshMs: REFRESH_MS, catchUp: false }));
    });
    // Escalation targets are named, never shown as codes ("吹哨 ×2 → street:450103004").
    effect(() => {
      const names = this.names();
      const targets = this.active().flatMap((alert) => (alert.escalatedTo === null || names.has(alert.escalatedTo) ? [] : [alert.escalatedTo]));
      untracked(() => this.scopeNames.want(targets));
    });
  }
}
