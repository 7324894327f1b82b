import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { alertAge, stateText } from '../../shared/alerts/alert-text';
import { LangService } from '../../shared/i18n/lang.service';
import { WallClock } from '../../shared/time/wall-clock.service';
import { failureReason, playlistText } from './playlist-messages';
import { PlaylistPlayer } from './playlist-player.service';

/**
 * What a playing playlist adds to the wall: its position, discreetly in a corner (轮播 2/11 · 25 秒后切换); the
 * critical alert holding the tour, large across the top; and, in Chinese first, any playlist or entry that failed.
 */
@Component({
  selector: 'gc-playlist-overlay',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-playlist-state]': 'state()' },
  template: `
    @if (position(); as position) {
      <div class="position" [attr.data-playlist-position]="position.text">{{ position.label }}</div>
    }
    @if (critical(); as critical) {
      <section class="critical" role="alert" [attr.data-playlist-critical]="critical.id">
        <span class="critical__badge">{{ critical.heading }}</span>
        <span class="critical__title">{{ critical.title }}</span>
        <span class="critical__state">{{ critical.state }} · {{ critical.age }}</span>
        <span class="critical__hold">{{ critical.hold }}</span>
      </section>
    }
    @if (notices().length > 0) {
      <ul class="notices" role="status">
        @for (notice of notices(); track $index) {
          <li data-playlist-notice>{{ notice }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      z-index: 10;
    }
    .position {
      position: absolute;
      right: 18px;
      bottom: 10px;
      padding: 2px 12px;
      border-radius: 12px;
      font-size: 15px;
      color: rgba(186, 230, 253, 0.75);
      background: rgba(2, 11, 34, 0.55);
      border: 1px solid rgba(56, 189, 248, 0.25);
    }
    .critical {
      position: absolute;
      left: 50%;
      top: 118px;
      transform: translateX(-50%);
      width: 1180px;
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 22px;
      row-gap: 6px;
      align-items: center;
      padding: 18px 30px;
      border: 3px solid var(--gc-danger, #f43f5e);
      border-radius: 10px;
      background: linear-gradient(180deg, rgba(127, 29, 29, 0.94), rgba(69, 10, 10, 0.94));
      box-shadow: 0 0 60px rgba(244, 63, 94, 0.55);
      color: #fff1f2;
      animation: pulse 1.6s ease-in-out infinite;
    }
    .critical__badge {
      grid-row: span 3;
      padding: 10px 18px;
      font-size: 34px;
      font-weight: 700;
      letter-spacing: 4px;
      background: var(--gc-danger, #f43f5e);
      border-radius: 6px;
    }
    .critical__title {
      font-size: 40px;
      font-weight: 700;
    }
    .critical__state {
      font-size: 26px;
    }
    .critical__hold {
      font-size: 20px;
      color: rgba(255, 228, 230, 0.8);
    }
    .notices {
      position: absolute;
      left: 18px;
      bottom: 10px;
      margin: 0;
      padding: 0;
      list-style: none;
      max-width: 1100px;
    }
    .notices li {
      margin-top: 6px;
      padding: 6px 14px;
      font-size: 18px;
      color: #fef3c7;
      background: rgba(120, 53, 15, 0.85);
      border: 1px solid var(--gc-warning, #fbbf24);
      border-radius: 6px;
    }
    @keyframes pulse {
      50% {
        box-shadow: 0 0 90px rgba(244, 63, 94, 0.85);
      }
    }
  `,
})
export class PlaylistOverlayComponent {
  private readonly player = inject(PlaylistPlayer);
  private readonly lang = inject(LangService).lang;
  private readonly now = inject(WallClock).now;

  protected readonly state = computed(() => {
    const status = this.player.status();
    if (status.playlist === null) return null;
    return status.paused ?? (status.index === null ? 'loading' : 'running');
  });

  protected readonly position = computed(() => {
    const status = this.player.status();
    if (status.index === null || status.count === 0) return null;
    const lang = this.lang();
    const text = `${status.index + 1}/${status.count}`;
    const where = playlistText(lang, 'playlist.position', { position: status.index + 1, count: status.count });
    const when = status.paused === null ? playlistText(lang, 'playlist.nextIn', { seconds: status.secondsToNext ?? 0 }) : playlistText(lang, 'playlist.paused');
    return { text, label: `${where} · ${when}` };
  });

  protected readonly critical = computed(() => {
    const alert = this.player.criticalAlert();
    const hold = this.player.rotation()?.critical;
    if (alert === null || hold === undefined || hold === null) return null;
    const lang = this.lang();
    return {
      id: alert.id,
      heading: playlistText(lang, 'playlist.critical.heading'),
      title: alert.title[lang],
      // The title names the place already (高危事件 · 津头街道 · 竹溪东社区 · 竹溪第1网格).
      state: stateText(alert, lang),
      age: alertAge(alert, this.now(), lang),
      hold: playlistText(lang, 'playlist.critical.hold', { seconds: Math.max(0, Math.ceil((hold.untilMs - this.now()) / 1000)) }),
    };
  });

  protected readonly notices = computed(() => {
    const lang = this.lang();
    return this.player.notices().map((notice) =>
      playlistText(lang, notice.key, notice.detail === undefined ? notice.params : { ...notice.params, reason: failureReason(notice.status, notice.detail, lang) }),
    );
  });
}
