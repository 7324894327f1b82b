import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Snapshot } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import { sameRows } from '../../charts/same-rows';
import { rankingOption } from './ranking-option';

@Component({
  selector: 'gc-ranking-panel',
  imports: [WallChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<gc-wall-chart [option]="option()" />`,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
  `,
})
export class RankingPanelComponent {
  readonly snapshot = input.required<Snapshot | null>();
  readonly limit = input.required<number>();

  private readonly ranking = computed(() => this.snapshot()?.ranking ?? [], { equal: sameRows });
  protected readonly option = computed(() => rankingOption(this.ranking(), this.limit()));
}
