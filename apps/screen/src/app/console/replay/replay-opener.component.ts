import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { REPLAY_SPEEDS, type ReplaySpeed } from '@grid-command/contracts';
import { zoneOffsetMinutes } from '@grid-command/domain';
import type { Lang } from '../../shared/config/wall-params';
import { DeploymentTimeZone } from '../../shared/time/deployment-time-zone.service';
import { instantOfLocalTime, isReplaySpeed, replayAddress } from '../../shared/replay/replay-params';
import { consoleReplayText } from './replay-opener-messages';

/**
 * 回放: opens the wall of the console's scope replaying a chosen moment (typed in the deployment's time zone) at a
 * chosen speed, in a new tab — for the morning briefing or a review after an incident.
 */
@Component({
  selector: 'gc-replay-opener',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="replay" data-replay-opener>
      <h2 class="replay__title">{{ text('title') }}</h2>
      <label class="replay__field">
        {{ text('when') }}
        <input type="datetime-local" data-replay-when [value]="when()" (input)="when.set($any($event.target).value)" />
      </label>
      <label class="replay__field">
        {{ text('speed') }}
        <select data-replay-speed (change)="pickSpeed($any($event.target).value)">
          @for (option of speeds; track option) {
            <option [value]="option" [selected]="option === speed()">×{{ option }}</option>
          }
        </select>
      </label>
      <a class="btn" data-replay-open target="_blank" rel="noopener" [attr.href]="address()" [class.btn--disabled]="address() === null">{{ text('open') }}</a>
    </section>
  `,
  styles: `
    .replay {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 10px;
      padding: 12px;
      border-top: 1px solid rgba(148, 163, 184, 0.25);
    }
    .replay__title {
      width: 100%;
      margin: 0;
      font-size: 16px;
    }
    .replay__field {
      display: flex;
      gap: 6px;
      align-items: center;
      font-size: 14px;
    }
    .btn--disabled {
      pointer-events: none;
      opacity: 0.5;
    }
  `,
})
export class ReplayOpenerComponent {
  readonly scope = input.required<string>();
  readonly lang = input.required<Lang>();

  private readonly zone = inject(DeploymentTimeZone).zone;
  protected readonly speeds = REPLAY_SPEEDS;
  protected readonly when = signal('');
  protected readonly speed = signal<ReplaySpeed>(60);

  /** The replay wall's address, or null until a time is chosen (and the deployment's zone is known). */
  protected readonly address = computed(() => {
    const zone = this.zone();
    if (zone === null) return null;
    const instant = instantOfLocalTime(this.when(), zone, zoneOffsetMinutes);
    if (instant === null) return null;
    const params = new URLSearchParams({ scope: this.scope() });
    if (this.lang() === 'en') params.set('lang', 'en');
    return `/${replayAddress(`?${params.toString()}`, new Date(instant).toISOString(), this.speed())}`;
  });

  protected text(key: 'title' | 'when' | 'speed' | 'open'): string {
    return consoleReplayText(this.lang(), key);
  }

  protected pickSpeed(value: string): void {
    const speed = Number(value);
    if (isReplaySpeed(speed)) this.speed.set(speed);
  }
}
