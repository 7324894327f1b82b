import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Alert, AlertRulesFile } from '@grid-command/contracts';
import type { AlertLine } from '@grid-command/domain';
import { alertAge, alertTimers, categoryLabel, escalationText, ruleName, severityLabel, stateText, stormText, type ScopeNames } from '../../shared/alerts/alert-text';
import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';

interface AlertRow {
  readonly alert: Alert;
  readonly severity: string;
  readonly rule: string;
  readonly place: string;
  readonly state: string;
  readonly timers: ReturnType<typeof alertTimers>;
  readonly age: string;
  readonly escalation: string | null;
}

type ListItem =
  | { readonly kind: 'alert'; readonly row: AlertRow }
  | {
      readonly kind: 'storm';
      readonly groupKey: string;
      readonly severity: Alert['severity'];
      readonly severityText: string;
      readonly title: string;
      readonly places: string;
      readonly age: string;
      readonly loud: boolean;
      readonly expanded: boolean;
      readonly rows: readonly AlertRow[];
    };

/** The console's live list: one row per alert, a storm as one line with its count that opens on click. */
@Component({
  selector: 'gc-alert-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #alertRow let-row let-member="member">
      <button
        type="button"
        class="row"
        [class.row--member]="member"
        [class.row--selected]="row.alert.id === selectedId()"
        [class.row--missed]="highlighted().has(row.alert.id)"
        [attr.data-alert-id]="row.alert.id"
        [attr.data-state]="row.alert.state"
        [attr.data-severity]="row.alert.severity"
        [attr.data-loud]="row.alert.loud"
        (click)="selectAlert.emit(row.alert.id)"
      >
        <span class="sev">{{ row.severity }}</span>
        <span class="what">
          <span class="rule">
            {{ row.rule }}
            @if (row.alert.loud) {
              <span class="loud">{{ loudText() }}</span>
            }
          </span>
          <span class="place">{{ row.place }}</span>
        </span>
        <span class="state" data-alert-state>
          {{ row.state }}
          @if (row.escalation; as escalation) {
            <span class="escalation">{{ escalation }}</span>
          }
        </span>
        <span class="timers">
          @for (timer of row.timers; track timer.kind) {
            <span class="timer" [class.timer--over]="timer.countdown.overdue" [attr.data-timer]="timer.kind">{{ timer.label }} {{ timer.countdown.text }}</span>
          }
        </span>
        <span class="age">{{ row.age }}</span>
      </button>
    </ng-template>

    @for (item of items(); track item.kind === 'alert' ? item.row.alert.id : 'storm:' + item.groupKey) {
      @if (item.kind === 'alert') {
        <ng-container *ngTemplateOutlet="alertRow; context: { $implicit: item.row, member: false }" />
      } @else {
        <button
          type="button"
          class="row row--storm"
          [attr.data-storm]="item.groupKey"
          [attr.data-severity]="item.severity"
          [attr.data-loud]="item.loud"
          [attr.aria-expanded]="item.expanded"
          (click)="toggleStorm.emit(item.groupKey)"
        >
          <span class="sev">{{ item.severityText }}</span>
          <span class="what">
            <span class="rule">{{ item.title }}</span>
            <span class="place">{{ item.places }}</span>
          </span>
          <span class="state">{{ item.expanded ? collapseText() : expandText() }}</span>
          <span class="timers"></span>
          <span class="age">{{ item.age }}</span>
        </button>
        @if (item.expanded) {
          @for (row of item.rows; track row.alert.id) {
            <ng-container *ngTemplateOutlet="alertRow; context: { $implicit: row, member: true }" />
          }
        }
      }
    } @empty {
      <p class="empty">{{ emptyText() }}</p>
    }
  `,
  imports: [NgTemplateOutlet],
  styleUrl: './alert-list.component.css',
})
export class AlertListComponent {
  readonly lines = input.required<readonly AlertLine[]>();
  readonly selectedId = input.required<string | null>();
  readonly expanded = input.required<ReadonlySet<string>>();
  readonly highlighted = input.required<ReadonlySet<string>>();
  readonly rules = input.required<AlertRulesFile | null>();
  readonly names = input.required<ScopeNames>();
  readonly now = input.required<number>();
  readonly lang = input.required<Lang>();
  readonly selectAlert = output<string>();
  readonly toggleStorm = output<string>();

  protected readonly loudText = computed(() => translate(this.lang(), 'alert.loud'));
  protected readonly expandText = computed(() => translate(this.lang(), 'alert.expand'));
  protected readonly collapseText = computed(() => translate(this.lang(), 'alert.collapse'));
  protected readonly emptyText = computed(() => translate(this.lang(), 'console.empty'));

  protected readonly items = computed<ListItem[]>(() => {
    const lang = this.lang();
    const now = this.now();
    const rules = this.rules();
    const names = this.names();
    const row = (alert: Alert): AlertRow => ({
      alert,
      severity: severityLabel(alert, lang),
      rule: ruleName(alert, rules, lang),
      place: [alert.scopeName, categoryLabel(alert, lang), translate(lang, 'alert.reportCount', { count: alert.reportCount })].filter((part) => part !== null).join(' · '),
      state: stateText(alert, lang),
      timers: alertTimers(alert, now, lang),
      age: alertAge(alert, now, lang),
      escalation: escalationText(alert, names, lang),
    });
    return this.lines().map((line): ListItem => {
      if (line.kind === 'alert') return { kind: 'alert', row: row(line.alert) };
      const storm = stormText(line, rules, now, lang);
      return {
        kind: 'storm',
        groupKey: line.groupKey,
        severity: line.severity,
        severityText: severityLabel(line, lang),
        title: storm.title,
        places: storm.places,
        age: storm.age,
        loud: storm.loud,
        expanded: this.expanded().has(line.groupKey),
        rows: this.expanded().has(line.groupKey) ? line.alerts.map(row) : [],
      };
    });
  });
}
