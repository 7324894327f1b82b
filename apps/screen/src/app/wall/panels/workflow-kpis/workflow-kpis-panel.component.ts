import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { KpiResponse, WorkflowKpiKind } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { DeploymentTimeZone } from '../../../shared/time/deployment-time-zone.service';
import { comparisonBasisNote, placeholderTiles, workflowTiles } from '../../kpi/workflow-tiles';

/** 受理 → 派单 → 办结 → 验单 in figures, each tile with its 环比 and 同比 coloured by whether the change is good news. */
@Component({
  selector: 'gc-workflow-kpis-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-kpi-scope]': 'response()?.scope ?? null', '[style.--columns]': 'columns()', '[style.--rows]': 'rows()' },
  template: `
    @for (tile of tiles(); track tile.kind) {
      <div class="tile" [class.tile--alert]="tile.alert" [attr.data-workflow-kpi]="tile.kind">
        <div class="tile__head">
          <span class="tile__label">{{ tile.label }}</span>
          @if (tile.detail) {
            <span class="tile__detail">{{ tile.detail }}</span>
          }
        </div>
        <div class="tile__figure">
          <span class="tile__value">{{ tile.value }}</span>
          @if (tile.unit) {
            <span class="tile__unit">{{ tile.unit }}</span>
          }
        </div>
        @for (change of tile.changes; track $index) {
          <div class="change" [attr.data-tone]="change.tone" [attr.data-direction]="change.direction">
            <span class="change__label">{{ change.label }}</span>
            <span class="change__text">{{ change.text }}</span>
          </div>
        }
      </div>
    }
    @if (basisNote(); as note) {
      <p class="basis" data-comparison-basis>{{ note }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
      grid-template-rows: repeat(var(--rows), minmax(0, 1fr)) auto;
      gap: 8px;
      height: 100%;
    }
    .basis {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 13px;
      line-height: 16px;
      color: var(--gc-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .tile {
      min-width: 0;
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: 1px;
      padding: 4px 10px;
      background: linear-gradient(180deg, rgba(14, 58, 122, 0.5), rgba(7, 26, 58, 0.7));
      border: 1px solid var(--gc-line);
      border-radius: 4px;
    }
    .tile--alert {
      border-color: var(--gc-danger);
      box-shadow: inset 0 0 18px rgba(244, 63, 94, 0.3);
    }
    .tile__head {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 6px;
      white-space: nowrap;
    }
    .tile__label {
      font-size: 17px;
      color: var(--gc-muted);
      letter-spacing: 1px;
    }
    .tile__detail {
      font-size: 13px;
      color: var(--gc-muted);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .tile__figure {
      display: flex;
      align-items: baseline;
      gap: 4px;
      white-space: nowrap;
    }
    .tile__value {
      font-size: 30px;
      font-weight: 700;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
      color: #e6fbff;
      text-shadow: 0 0 12px rgba(34, 211, 238, 0.6);
    }
    .tile--alert .tile__value {
      color: #ffe4e6;
      text-shadow: 0 0 12px rgba(244, 63, 94, 0.8);
    }
    .tile__unit {
      font-size: 14px;
      color: var(--gc-muted);
    }
    .change {
      display: flex;
      gap: 6px;
      font-size: 14px;
      line-height: 18px;
      white-space: nowrap;
      color: var(--gc-muted);
    }
    .change__label {
      flex: none;
      opacity: 0.8;
    }
    .change__text {
      overflow: hidden;
      text-overflow: ellipsis;
      font-variant-numeric: tabular-nums;
    }
    .change[data-tone='neutral'][data-direction='up'] .change__text,
    .change[data-tone='neutral'][data-direction='down'] .change__text {
      color: var(--gc-text);
    }
    .change[data-tone='good'] .change__text {
      color: var(--gc-ok);
    }
    .change[data-tone='bad'] .change__text {
      color: var(--gc-danger);
    }
  `,
})
export class WorkflowKpisPanelComponent {
  readonly response = input.required<KpiResponse | null>();
  readonly kinds = input.required<readonly WorkflowKpiKind[]>();
  readonly columns = input.required<number>();
  readonly lang = input.required<Lang>();

  private readonly timeZone = inject(DeploymentTimeZone).zone;

  protected readonly rows = computed(() => Math.max(1, Math.ceil(this.kinds().length / this.columns())));
  protected readonly tiles = computed(() => {
    const response = this.response();
    return response === null ? placeholderTiles(this.kinds(), this.lang()) : workflowTiles(response, this.kinds(), this.lang(), this.timeZone());
  });
  protected readonly basisNote = computed(() => {
    const response = this.response();
    return response === null ? null : comparisonBasisNote(response, this.lang());
  });
}
