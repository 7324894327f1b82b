import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { KpiResponse } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { translate } from '../../../shared/i18n/messages';
import { overdueRows } from '../../kpi/overdue-rows';

/** 超期工单: the oldest breach on top, who must act (or that nobody has been sent), and for how long. */
@Component({
  selector: 'gc-overdue-list-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (response(); as response) {
      @for (row of rows(); track row.id) {
        <div class="row" [attr.data-severity]="row.severity" data-overdue-row>
          <span class="severity" [title]="row.severityLabel"></span>
          <div class="what">
            <div class="what__main">
              <span class="category">{{ row.category }}</span>
              <span class="community">{{ row.community }}</span>
            </div>
            <div class="department" [class.department--none]="!row.dispatched">{{ row.department }}</div>
          </div>
          <div class="age">{{ row.overdueBy }}</div>
        </div>
      } @empty {
        <div class="empty">{{ noneText() }}</div>
      }
      @if (hidden() > 0) {
        <div class="more">{{ moreText() }}</div>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      height: 100%;
      overflow: hidden;
    }
    .row {
      flex: none;
      display: flex;
      align-items: center;
      gap: 10px;
      height: 44px;
      padding: 0 10px 0 6px;
      background: rgba(244, 63, 94, 0.07);
      border-left: 3px solid rgba(244, 63, 94, 0.55);
    }
    .row:nth-child(even) {
      background: rgba(244, 63, 94, 0.04);
    }
    .severity {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--gc-muted);
    }
    .row[data-severity='2'] .severity {
      background: var(--gc-warning);
    }
    .row[data-severity='3'] .severity {
      background: #fb923c;
    }
    .row[data-severity='4'] .severity {
      background: var(--gc-danger);
      box-shadow: 0 0 8px var(--gc-danger);
    }
    .what {
      flex: 1 1 auto;
      min-width: 0;
    }
    .what__main {
      display: flex;
      gap: 8px;
      white-space: nowrap;
      overflow: hidden;
      font-size: 17px;
      line-height: 22px;
    }
    .category {
      font-weight: 700;
      color: var(--gc-text);
    }
    .community {
      color: var(--gc-muted);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .department {
      font-size: 14px;
      line-height: 18px;
      color: var(--gc-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .department--none {
      color: var(--gc-warning);
    }
    .age {
      flex: none;
      font-size: 16px;
      font-weight: 700;
      color: var(--gc-danger);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .empty {
      margin: auto;
      font-size: 20px;
      color: var(--gc-ok);
    }
    .more {
      margin-top: auto;
      font-size: 14px;
      text-align: right;
      color: var(--gc-muted);
    }
  `,
})
export class OverdueListPanelComponent {
  readonly response = input.required<KpiResponse | null>();
  readonly limit = input.required<number>();
  readonly now = input.required<number>();
  readonly lang = input.required<Lang>();

  protected readonly rows = computed(() => {
    const response = this.response();
    return response === null ? [] : overdueRows(response, this.limit(), this.now(), this.lang());
  });
  /** Overdue tickets not on the list: beyond the limit, or beyond what the server lists. */
  protected readonly hidden = computed(() => Math.max(0, (this.response()?.overdueNow ?? 0) - this.rows().length));
  protected readonly noneText = computed(() => translate(this.lang(), 'overdue.none'));
  protected readonly moreText = computed(() => translate(this.lang(), 'overdue.more', { count: this.hidden() }));
}
