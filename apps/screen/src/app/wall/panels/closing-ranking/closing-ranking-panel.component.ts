import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Ranking, ScopeLevel } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { translate } from '../../../shared/i18n/messages';
import { closingRankingView } from '../../kpi/closing-ranking-rows';

/** Child units by closing rate, the too-small ones apart; a row opens that unit's wall. */
@Component({
  selector: 'gc-closing-ranking-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view(); as view) {
      @for (row of view.ranked; track row.scope) {
        <button type="button" class="row" [attr.data-scope]="row.scope" [attr.data-rank]="row.rank" (click)="drill.emit(row.scope)">
          <span class="rank" [class.rank--podium]="(row.rank ?? 99) <= 3">{{ row.rank }}</span>
          <span class="name">{{ row.name }}</span>
          <span class="bar"><span class="bar__fill" [style.width.%]="row.barFraction * 100"></span></span>
          <span class="rate">{{ row.closingRate }}</span>
          <span class="meta">{{ row.reported }}@if (row.per10k) {<br />{{ row.per10k }}}</span>
        </button>
      }
      @if (view.unranked.length > 0) {
        <div class="group">{{ view.unrankedLabel }}</div>
        @for (row of view.unranked; track row.scope) {
          <button type="button" class="row row--unranked" [attr.data-scope]="row.scope" (click)="drill.emit(row.scope)">
            <span class="rank">–</span>
            <span class="name">{{ row.name }}</span>
            <span class="bar"><span class="bar__fill" [style.width.%]="row.barFraction * 100"></span></span>
            <span class="rate">{{ row.closingRate }}</span>
            <span class="meta">{{ row.reported }}</span>
          </button>
        }
      }
      @if (view.hiddenLabel) {
        <div class="more">{{ view.hiddenLabel }}</div>
      }
      @if (view.ranked.length === 0 && view.unranked.length === 0) {
        <div class="empty">{{ emptyText() }}</div>
      }
    } @else if (lowest()) {
      <div class="empty">{{ lowestText() }}</div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 3px;
      height: 100%;
      overflow: hidden;
    }
    .row {
      flex: none;
      display: grid;
      grid-template-columns: 28px minmax(0, 1fr) 70px 62px 84px;
      align-items: center;
      gap: 8px;
      height: 38px;
      padding: 0 6px;
      font: inherit;
      text-align: left;
      color: var(--gc-text);
      background: rgba(59, 130, 246, 0.07);
      border: none;
      border-radius: 3px;
      cursor: pointer;
    }
    .row:hover,
    .row:focus-visible {
      background: rgba(34, 211, 238, 0.18);
      outline: none;
    }
    .row--unranked {
      height: 32px;
      opacity: 0.75;
    }
    .rank {
      font-size: 17px;
      font-weight: 700;
      text-align: center;
      color: var(--gc-muted);
    }
    .rank--podium {
      color: var(--gc-warning);
    }
    .name {
      font-size: 18px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .bar {
      height: 8px;
      border-radius: 4px;
      background: rgba(59, 130, 246, 0.15);
      overflow: hidden;
    }
    .bar__fill {
      display: block;
      height: 100%;
      background: linear-gradient(90deg, var(--gc-accent), var(--gc-ok));
    }
    .rate {
      font-size: 18px;
      font-weight: 700;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .meta {
      font-size: 12px;
      line-height: 14px;
      text-align: right;
      color: var(--gc-muted);
      white-space: nowrap;
    }
    .group {
      flex: none;
      margin-top: 4px;
      padding: 2px 6px;
      font-size: 14px;
      color: var(--gc-warning);
      border-top: 1px dashed rgba(251, 191, 36, 0.4);
    }
    .more {
      margin-top: auto;
      font-size: 14px;
      text-align: right;
      color: var(--gc-muted);
    }
    .empty {
      margin: auto;
      font-size: 18px;
      color: var(--gc-muted);
      text-align: center;
    }
  `,
})
export class ClosingRankingPanelComponent {
  /** Null until the first answer, and at a level with nothing below to rank. */
  readonly ranking = input.required<Ranking | null>();
  readonly loaded = input.required<boolean>();
  readonly level = input.required<ScopeLevel>();
  readonly limit = input.required<number>();
  readonly lang = input.required<Lang>();
  /** The scope of the clicked unit. */
  readonly drill = output<string>();

  protected readonly view = computed(() => {
    const ranking = this.ranking();
    return ranking === null ? null : closingRankingView(ranking, this.limit(), this.lang());
  });
  protected readonly lowest = computed(() => this.loaded() && this.ranking() === null);
  // A grid is the only level with nothing below: a community ranks its grids.
  protected readonly lowestText = computed(() => translate(this.lang(), this.level() === 'grid' ? 'ranking.lowest' : 'ranking.empty'));
  protected readonly emptyText = computed(() => translate(this.lang(), 'ranking.empty'));
}
