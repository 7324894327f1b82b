import { ChangeDetectionStrategy, Component, ErrorHandler, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { Alert, AlertMute, AlertRulesFile } from '@grid-command/contracts';
import { AlertApi } from '../../shared/alerts/alert-api.service';
import { AlertFeedService } from '../../shared/alerts/alert-feed.service';
import { ruleName, scopeName, type ScopeNames } from '../../shared/alerts/alert-text';
import type { Lang } from '../../shared/config/wall-params';
import { ApiRequestError } from '../../shared/data/api-request.error';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import { readableTime } from '../../shared/time/clock-format';
import { DeploymentTimeZone } from '../../shared/time/deployment-time-zone.service';
import { activeMutes } from './mute-rows';
import { DEFAULT_MUTE_TARGET, muteTargetOf } from './mute-target';

const DURATIONS = [30, 60, 120, 240, 480, 1440] as const;

/** Active mutes (rule and/or scope, until when, why, by whom, how much they held back), and a form to add one. */
@Component({
  selector: 'gc-mute-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ t('mute.title', { count: rows().length }) }}</h3>
    <ul>
      @for (row of rows(); track row.id) {
        <li data-mute [attr.data-mute-id]="row.id">
          <span class="what">{{ row.rule }} · {{ row.scope }}</span>
          <span class="muted">{{ row.until }} · {{ row.reason }} · {{ row.by }}</span>
          <span class="count">{{ row.suppressed }}</span>
          <button type="button" class="btn" [disabled]="busy()" (click)="lift(row.id)">{{ t('mute.lift') }}</button>
        </li>
      } @empty {
        <li class="muted">{{ t('mute.none') }}</li>
      }
    </ul>
    @if (alert(); as alert) {
      <form class="add" (submit)="$event.preventDefault(); add(alert)" data-mute-form>
        <label><input type="checkbox" [checked]="byRule()" (change)="byRule.set($any($event.target).checked)" /> {{ t('mute.byRule', { name: alertRule() }) }}</label>
        <label><input type="checkbox" [checked]="byScope()" (change)="byScope.set($any($event.target).checked)" /> {{ t('mute.byScope', { name: alert.scopeName }) }}</label>
        <select (change)="minutes.set(+$any($event.target).value)">
          @for (duration of durations; track duration) {
            <option [value]="duration" [selected]="minutes() === duration">{{ t('mute.minutes', { count: duration }) }}</option>
          }
        </select>
        <input class="reason" maxlength="500" [placeholder]="t('mute.reason')" [value]="reason()" (input)="reason.set($any($event.target).value)" />
        <button type="submit" class="btn" [disabled]="busy() || reason().trim() === ''">{{ t('mute.add') }}</button>
      </form>
    } @else {
      <p class="muted">{{ t('mute.pickAlert') }}</p>
    }
    @if (problem(); as problem) {
      <p class="error" role="status">{{ problem }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 8px 12px;
      border: 1px solid var(--gc-line);
      background: rgba(5, 20, 48, 0.7);
    }
    h3 {
      margin: 0 0 6px;
      font-size: 14px;
      color: #e0f2fe;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      gap: 0 10px;
      align-items: center;
      padding: 3px 0;
      border-bottom: 1px solid rgba(56, 189, 248, 0.12);
    }
    .what {
      font-weight: 700;
    }
    .muted {
      grid-row: 2;
      font-size: 12px;
      color: var(--gc-muted);
    }
    .count {
      grid-row: 1 / span 2;
      grid-column: 2;
      font-size: 12px;
      color: var(--gc-warning);
    }
    li .btn {
      grid-row: 1 / span 2;
      grid-column: 3;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      margin-top: 8px;
    }
    .reason {
      flex: 1 1 200px;
    }
    .error {
      color: var(--gc-danger);
    }
  `,
})
export class MutePanelComponent {
  readonly mutes = input.required<readonly AlertMute[]>();
  readonly alert = input.required<Alert | null>();
  readonly rules = input.required<AlertRulesFile | null>();
  readonly names = input.required<ScopeNames>();
  readonly now = input.required<number>();
  readonly lang = input.required<Lang>();

  private readonly api = inject(AlertApi);
  private readonly feed = inject(AlertFeedService);
  private readonly errors = inject(ErrorHandler);
  private readonly timeZone = inject(DeploymentTimeZone).zone;

  private readonly alertId = computed(() => this.alert()?.id ?? null);
  protected readonly durations = DURATIONS;
  protected readonly byRule = signal(DEFAULT_MUTE_TARGET.byRule);
  protected readonly byScope = signal(DEFAULT_MUTE_TARGET.byScope);
  protected readonly minutes = signal<number>(60);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected readonly t = (key: MessageKey, params?: Parameters<typeof translate>[2]): string => translate(this.lang(), key, params);

  protected readonly alertRule = computed(() => {
    const alert = this.alert();
    return alert === null ? '' : ruleName(alert, this.rules(), this.lang());
  });

  protected readonly rows = computed(() => {
    const lang = this.lang();
    const rules = this.rules();
    return activeMutes(this.mutes(), this.now()).map((mute) => ({
      id: mute.id,
      rule: mute.ruleId === null ? translate(lang, 'mute.everyRule') : (rules?.rules.find((rule) => rule.id === mute.ruleId)?.name[lang] ?? mute.ruleId),
      scope: mute.scope === null ? translate(lang, 'mute.everywhere') : scopeName(mute.scope, this.names()),
      // A mute can run for days: "至 08:01" would not say which day.
      until: translate(lang, 'mute.until', { time: readableTime(Date.parse(mute.until), this.now(), this.timeZone(), lang, false) }),
      reason: mute.reason,
      by: translate(lang, 'mute.by', { name: mute.by }),
      suppressed: translate(lang, 'mute.suppressed', { count: mute.suppressed }),
    }));
  });

  constructor() {
    effect(() => {
      this.alertId();
      // Each alert starts from the narrow default: what was unticked for the last one is not a choice for this one.
      untracked(() => {
        this.problem.set(null);
        this.byRule.set(DEFAULT_MUTE_TARGET.byRule);
        this.byScope.set(DEFAULT_MUTE_TARGET.byScope);
      });
    });
  }

  protected async add(alert: Alert): Promise<void> {
    const target = muteTargetOf(alert, { byRule: this.byRule(), byScope: this.byScope() });
    if (target === null) return this.problem.set(this.t('mute.needTarget'));
    await this.run(async () => {
      await this.api.mute({
        ...target,
        minutes: this.minutes(),
        reason: this.reason().trim(),
      });
      this.reason.set('');
    });
  }

  protected lift(id: string): Promise<void> {
    return this.run(() => this.api.unmute(id));
  }

  private async run(change: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await change();
      await this.feed.refreshMutes();
    } catch (error) {
      this.errors.handleError(error);
      this.problem.set(this.t('mute.failed', { message: error instanceof ApiRequestError ? error.detail : String(error) }));
    } finally {
      this.busy.set(false);
    }
  }
}
