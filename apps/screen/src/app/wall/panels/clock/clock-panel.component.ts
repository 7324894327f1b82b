import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Lang } from '../../../shared/config/wall-params';
import { clockFace } from '../../../shared/time/clock-format';
import { WallClock } from '../../../shared/time/wall-clock.service';

/**
 * Date, weekday and time in the deployment's time zone, so the wall and the data agree on "today". Until both the
 * zone and the server's clock are known it shows a placeholder: never the browser's zone or this machine's clock.
 */
@Component({
  selector: 'gc-clock-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="clock__time" data-clock-time>{{ face().time }}</div>
    <div class="clock__date">
      <span>{{ face().date }}</span>
      <span>{{ face().weekday }}</span>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 20px;
      height: 100%;
      padding: 0 8px;
      white-space: nowrap;
    }
    .clock__time {
      font-size: 44px;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      letter-spacing: 1px;
      color: #e6fbff;
      text-shadow: 0 0 14px rgba(34, 211, 238, 0.6);
    }
    .clock__date {
      display: flex;
      flex-direction: column;
      font-size: 19px;
      line-height: 1.35;
      color: var(--gc-muted);
    }
  `,
})
export class ClockPanelComponent {
  readonly now = input.required<number>();
  readonly timeZone = input.required<string | null>();
  readonly lang = input.required<Lang>();
  private readonly synced = inject(WallClock).synced;

  protected readonly face = computed(() => clockFace(this.now(), this.synced() ? this.timeZone() : null, this.lang()));
}
