import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ECElementEvent } from 'echarts/core';
import type { ScopeLevel, Snapshot } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import { sameRows } from '../../charts/same-rows';
import type { Lang } from '../../../shared/config/wall-params';
import { translate } from '../../../shared/i18n/messages';
import { rankingClickTarget, rankingOption } from './ranking-option';

/** The scope's children by reports today; a click on a row opens that unit. A grid, the bottom, says it has none. */
@Component({
  selector: 'gc-ranking-panel',
  imports: [WallChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (level() === 'grid') {
      <div class="lowest">{{ lowestText() }}</div>
    } @else {
      <gc-wall-chart [option]="option()" (chartClick)="onClick($event)" />
    }
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
    .lowest {
      height: 100%;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 18px;
      color: var(--gc-muted);
    }
  `,
})
export class RankingPanelComponent {
  readonly snapshot = input.required<Snapshot | null>();
  readonly limit = input.required<number>();
  readonly level = input.required<ScopeLevel>();
  readonly lang = input.required<Lang>();
  /** The scope of the clicked child. */
  readonly drill = output<string>();

  private readonly ranking = computed(() => this.snapshot()?.ranking ?? [], { equal: sameRows });
  protected readonly option = computed(() => rankingOption(this.ranking(), this.limit()));
  protected readonly lowestText = computed(() => translate(this.lang(), 'ranking.lowest'));

  protected onClick(event: ECElementEvent): void {
    const target = rankingClickTarget(this.ranking(), this.limit(), event);
    if (target !== null) this.drill.emit(target);
  }
}
