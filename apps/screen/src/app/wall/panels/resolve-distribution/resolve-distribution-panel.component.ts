import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DurationBucket } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import type { Lang } from '../../../shared/config/wall-params';
import { sameRows } from '../../charts/same-rows';
import { translate } from '../../../shared/i18n/messages';
import { resolveDistributionOption } from '../../kpi/resolve-distribution-option';

/** How long the period's resolved tickets took, bucketed by the server. */
@Component({
  selector: 'gc-resolve-distribution-panel',
  imports: [WallChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <gc-wall-chart [option]="option()" />
    @if (empty()) {
      <div class="empty">{{ emptyText() }}</div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      height: 100%;
    }
    .empty {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 20px;
      color: var(--gc-muted);
      pointer-events: none;
    }
  `,
})
export class ResolveDistributionPanelComponent {
  /** Null until the first answer. */
  readonly distribution = input.required<readonly DurationBucket[] | null>();
  readonly lang = input.required<Lang>();

  protected readonly buckets = computed(() => this.distribution(), { equal: (a, b) => a === b || (a !== null && b !== null && sameRows(a, b)) });
  protected readonly option = computed(() => resolveDistributionOption(this.buckets() ?? [], this.lang()));
  /** Only once the answer says so: before it, the panel's heading says the figures are on their way. */
  protected readonly empty = computed(() => {
    const buckets = this.buckets();
    return buckets !== null && buckets.every((bucket) => bucket.tickets === 0);
  });
  protected readonly emptyText = computed(() => translate(this.lang(), 'chart.noneResolved'));
}
