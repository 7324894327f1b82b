import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Snapshot } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import type { Lang } from '../../../shared/config/wall-params';
import { sameRows } from '../../charts/same-rows';
import { translate } from '../../../shared/i18n/messages';
import { AnimatedNumberComponent } from '../kpis/animated-number.component';
import { categoryMixOption, type CategoryMixStyle } from './category-mix-option';

@Component({
  selector: 'gc-category-mix-panel',
  imports: [WallChartComponent, AnimatedNumberComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <gc-wall-chart [option]="option()" />
    @if (snapshot() !== null && total() === 0) {
      <div class="overlay overlay--empty">{{ emptyText() }}</div>
    } @else if (style() === 'pie') {
      <div class="overlay">
        <gc-animated-number class="overlay__value" [value]="snapshot() === null ? null : total()" [lang]="lang()" />
        <span class="overlay__label">{{ totalLabel() }}</span>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      height: 100%;
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      pointer-events: none;
    }
    .overlay__value {
      font-size: 40px;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: #e6fbff;
      text-shadow: 0 0 14px rgba(34, 211, 238, 0.6);
    }
    .overlay__label,
    .overlay--empty {
      font-size: 18px;
      color: var(--gc-muted);
    }
  `,
})
export class CategoryMixPanelComponent {
  readonly snapshot = input.required<Snapshot | null>();
  readonly lang = input.required<Lang>();
  readonly style = input.required<CategoryMixStyle>();

  private readonly byCategory = computed(() => this.snapshot()?.byCategory ?? [], { equal: sameRows });
  protected readonly total = computed(() => this.byCategory().reduce((sum, row) => sum + row.count, 0));
  protected readonly option = computed(() => categoryMixOption(this.byCategory(), this.lang(), this.style()));
  protected readonly totalLabel = computed(() => translate(this.lang(), 'chart.totalToday'));
  protected readonly emptyText = computed(() => translate(this.lang(), 'chart.noReportsToday'));
}
