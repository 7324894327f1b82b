import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Lang } from '../../shared/config/wall-params';
import type { ConnectionState } from '../../shared/freshness/freshness';
import { clockFace } from '../../shared/time/clock-format';
import { replayText } from './replay-messages';
import { ReplaySession } from './replay-session.service';

/** In the freshness panel's place on a replayed wall: 回放 ×60 in amber, never the green live lamp. */
@Component({
  selector: 'gc-replay-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'data-level': 'replay', '[attr.data-link]': 'connection()', '[attr.data-as-of]': 'asOfIso()' },
  template: `
    <span class="lamp"></span>
    <div class="text">
      <div class="headline">{{ headline() }}</div>
      <div class="detail">{{ detail() }}</div>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 16px;
      height: 100%;
      padding: 0 12px;
      white-space: nowrap;
    }
    .lamp {
      width: 18px;
      height: 18px;
      border-radius: 3px;
      background: var(--gc-warning);
    }
    .text {
      text-align: right;
    }
    .headline {
      font-size: 28px;
      font-weight: 700;
      color: var(--gc-warning);
    }
    .detail {
      font-size: 17px;
      color: var(--gc-muted);
    }
  `,
})
export class ReplayStatusComponent {
  readonly connection = input.required<ConnectionState>();
  /** The replayed moment the figures on screen stand at (the snapshot's asOf). */
  readonly asOfMs = input.required<number | null>();
  readonly lang = input.required<Lang>();

  private readonly session = inject(ReplaySession);
  protected readonly asOfIso = computed(() => {
    const asOf = this.asOfMs();
    return asOf === null ? null : new Date(asOf).toISOString();
  });

  protected readonly headline = computed(() => `${replayText(this.lang(), 'status')} ×${this.session.speed()}`);
  protected readonly detail = computed(() => {
    const lang = this.lang();
    if (this.connection() === 'disconnected') return replayText(lang, 'failed');
    if (this.session.caughtUp()) return replayText(lang, 'caughtUp');
    return replayText(lang, this.session.playing() ? 'playing' : 'paused');
  });
}

/** The replayed clock in the clock panel's place, labelled 回放时间 so it is never read as the time now. */
@Component({
  selector: 'gc-replay-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="label">{{ label() }}</span>
    <div class="time" data-replay-clock>{{ face().time }}</div>
    <div class="date">{{ face().date }}</div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 16px;
      height: 100%;
      padding: 0 8px;
      white-space: nowrap;
    }
    .label {
      padding: 2px 8px;
      border-radius: 4px;
      background: var(--gc-warning);
      color: #1a1204;
      font-size: 18px;
      font-weight: 700;
    }
    .time {
      font-size: 40px;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--gc-warning);
    }
    .date {
      font-size: 19px;
      color: var(--gc-muted);
    }
  `,
})
export class ReplayClockComponent {
  readonly timeZone = input.required<string | null>();
  readonly lang = input.required<Lang>();

  private readonly session = inject(ReplaySession);
  protected readonly label = computed(() => replayText(this.lang(), 'clockLabel'));
  protected readonly face = computed(() => clockFace(this.session.position(), this.timeZone(), this.lang()));
}
