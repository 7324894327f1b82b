import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import type { ECElementEvent } from 'echarts/core';
import type { Snapshot } from '@grid-command/contracts';
import { WallChartComponent } from '../../charts/wall-chart.component';
import type { Lang } from '../../../shared/config/wall-params';
import { sameRows } from '../../charts/same-rows';
import { translate } from '../../../shared/i18n/messages';
import { MapGeometryService } from './map-geometry.service';
import { mapOption } from './map-option';

/** The scope's grids coloured by reports in the last hour, its streets (or communities) outlined and named. */
@Component({
  selector: 'gc-map-panel',
  imports: [WallChartComponent],
  providers: [MapGeometryService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (option(); as option) {
      <gc-wall-chart [option]="option" (chartClick)="onClick($event)" />
    } @else {
      <div class="placeholder" [class.placeholder--failed]="geometry.state().status === 'failed'">{{ placeholder() }}</div>
    }
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
    .placeholder {
      height: 100%;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 22px;
      color: var(--gc-muted);
    }
    .placeholder--failed {
      color: var(--gc-warning);
    }
  `,
})
export class MapPanelComponent {
  readonly scope = input.required<string>();
  readonly snapshot = input.required<Snapshot | null>();
  readonly lang = input.required<Lang>();
  /** The grid code of a clicked grid; the wall decides where that leads. */
  readonly gridClick = output<string>();

  protected readonly geometry = inject(MapGeometryService);
  private readonly heat = computed(() => this.snapshot()?.heat ?? [], { equal: sameRows });

  protected readonly option = computed(() => {
    const state = this.geometry.state();
    return state.status === 'ready' ? mapOption(state.layers, this.heat(), this.lang()) : null;
  });
  protected readonly placeholder = computed(() => translate(this.lang(), this.geometry.state().status === 'failed' ? 'map.failed' : 'map.loading'));

  constructor() {
    // Loaded again when a drill-down moves the wall to another scope.
    effect(() => {
      const scope = this.scope();
      untracked(() => this.geometry.load(scope));
    });
  }

  protected onClick(event: ECElementEvent): void {
    if (event.seriesType === 'map' && typeof event.name === 'string') this.gridClick.emit(event.name);
  }
}
