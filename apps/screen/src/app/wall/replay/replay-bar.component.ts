import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input } from '@angular/core';
import { REPLAY_SPEEDS } from '@grid-command/contracts';
import { startOfDay } from '@grid-command/domain';
import type { Lang } from '../../shared/config/wall-params';
import { readableTime } from '../../shared/time/clock-format';
import { WallClock } from '../../shared/time/wall-clock.service';
import { replayText } from './replay-messages';
import { liveAddress } from '../../shared/replay/replay-params';
import { ReplaySession } from './replay-session.service';

const DAY_MS = 86_400_000;

/**
 * What makes a replayed wall unmistakable: an amber frame round the whole wall and a banner that says 回放 ·
 * 非实时数据 with the replayed time (deployment zone) and speed; on it the controls — play/pause, speed, a timeline
 * of the replayed day, and 回到实时 (the same wall live).
 */
@Component({
  selector: 'gc-replay-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-replay-at]': 'positionIso()', '[attr.data-replay-speed]': 'session.speed()', '[attr.data-replay-playing]': 'session.playing()' },
  template: `
    <div class="frame" aria-hidden="true"></div>
    <div class="bar" role="status">
      <strong class="bar__label" data-replay-banner>{{ bannerText() }}</strong>
      <button type="button" class="bar__button" data-replay-toggle (click)="session.togglePlay()">{{ toggleLabel() }}</button>
      <span class="bar__speeds" role="group" [attr.aria-label]="text('speed')">
        @for (speed of speeds; track speed) {
          <button type="button" class="bar__button" [class.bar__button--on]="speed === session.speed()" [attr.data-replay-speed-option]="speed" (click)="session.setSpeed(speed)">×{{ speed }}</button>
        }
      </span>
      <input
        class="bar__timeline"
        type="range"
        data-replay-timeline
        [attr.aria-label]="text('timeline')"
        [min]="day().start"
        [max]="day().end"
        step="60000"
        [value]="session.position()"
        (change)="seek($event)"
      />
      <a class="bar__button bar__leave" data-replay-leave [href]="liveHref">{{ text('leave') }}</a>
    </div>
  `,
  styles: `
    .frame {
      position: absolute;
      inset: 0;
      border: 8px solid var(--gc-warning);
      box-shadow: inset 0 0 40px rgba(245, 158, 11, 0.35);
      pointer-events: none;
      z-index: 50;
    }
    .bar {
      position: absolute;
      left: 50%;
      bottom: 16px;
      transform: translateX(-50%);
      display: flex;
      align-items: center;
      gap: 14px;
      padding: 10px 20px;
      border-radius: 10px;
      background: rgba(60, 38, 4, 0.94);
      border: 2px solid var(--gc-warning);
      color: #fff7e6;
      font-size: 22px;
      white-space: nowrap;
      z-index: 51;
    }
    .bar__label {
      color: var(--gc-warning);
      font-size: 26px;
      letter-spacing: 1px;
    }
    .bar__speeds {
      display: flex;
      gap: 4px;
    }
    .bar__button {
      font: inherit;
      font-size: 19px;
      padding: 4px 12px;
      border-radius: 6px;
      border: 1px solid rgba(245, 158, 11, 0.6);
      background: transparent;
      color: inherit;
      cursor: pointer;
      text-decoration: none;
    }
    .bar__button--on {
      background: var(--gc-warning);
      color: #1a1204;
      font-weight: 700;
    }
    .bar__timeline {
      width: 360px;
      accent-color: var(--gc-warning);
    }
  `,
})
export class ReplayBarComponent {
  readonly timeZone = input.required<string | null>();
  readonly lang = input.required<Lang>();

  protected readonly session = inject(ReplaySession);
  private readonly clock = inject(WallClock);
  protected readonly speeds = REPLAY_SPEEDS;
  protected readonly liveHref = liveAddress(inject(DOCUMENT).location.search) || '?';

  protected readonly positionIso = computed(() => new Date(this.session.position()).toISOString());
  protected readonly bannerText = computed(() => {
    const zone = this.timeZone();
    const when = readableTime(this.session.position(), this.clock.now(), zone, this.lang(), false);
    return `${replayText(this.lang(), 'banner')} · ${when} ×${this.session.speed()}`;
  });
  protected readonly toggleLabel = computed(() => replayText(this.lang(), this.session.playing() ? 'pause' : 'play'));
  /** The replayed day in the deployment's zone, up to now when it is today. */
  protected readonly day = computed(() => {
    const zone = this.timeZone() ?? 'UTC';
    const start = startOfDay(new Date(this.session.position()), zone).getTime();
    return { start, end: Math.min(start + DAY_MS - 60_000, this.clock.now()) };
  });

  protected text(key: 'speed' | 'timeline' | 'leave'): string {
    return replayText(this.lang(), key);
  }

  protected seek(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value)) this.session.seek(value);
  }
}
