import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Snapshot } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import type { Lang } from '../../../shared/config/wall-params';
import { sameRows } from '../../charts/same-rows';
import { DeploymentTimeZone } from '../../../shared/time/deployment-time-zone.service';
import { trendOption } from './trend-option';

@Component({
  selector: 'gc-trend-panel',
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
export class TrendPanelComponent {
  readonly snapshot = input.required<Snapshot | null>();
  readonly lang = input.required<Lang>();
  readonly area = input.required<boolean>();

  private readonly trend = computed(() => this.snapshot()?.trend ?? [], { equal: sameRows });
  private readonly deploymentZone = inject(DeploymentTimeZone).zone;
  private readonly timeZone = computed(() => this.deploymentZone() ?? this.snapshot()?.timezone ?? null);
  protected readonly option = computed(() => trendOption(this.trend(), this.timeZone(), this.lang(), this.area()));
}
