import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Lang } from '../shared/config/wall-params';
import { translate } from '../shared/i18n/messages';

/** What the stage shows until a layout is there: a loading notice, or the failure with its retry countdown. */
@Component({
  selector: 'gc-wall-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-wall-status]': 'failure() === null ? "loading" : "error"', role: 'status' },
  template: `
    @if (failure(); as failure) {
      <div class="mark mark--error">!</div>
      <h1>{{ texts().failed }}</h1>
      <p class="message">{{ failure }}</p>
      <p class="countdown">{{ texts().retryIn }}</p>
      <button type="button" (click)="retry.emit()">{{ texts().retryNow }}</button>
    } @else {
      <div class="mark mark--loading"></div>
      <h1>{{ texts().loading }}</h1>
    }
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 18px;
      text-align: center;
    }
    h1 {
      margin: 0;
      font-size: 40px;
      letter-spacing: 4px;
      color: #e0f2fe;
    }
    .message {
      margin: 0;
      max-width: 1200px;
      font-size: 22px;
      color: var(--gc-muted);
      word-break: break-word;
    }
    .countdown {
      margin: 0;
      font-size: 24px;
      color: var(--gc-warning);
    }
    .mark {
      width: 96px;
      height: 96px;
      border-radius: 50%;
    }
    .mark--loading {
      border: 6px solid rgba(34, 211, 238, 0.18);
      border-top-color: var(--gc-accent);
      animation: spin 1.1s linear infinite;
    }
    .mark--error {
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 60px;
      font-weight: 800;
      color: var(--gc-danger);
      border: 6px solid var(--gc-danger);
      box-shadow: 0 0 30px rgba(244, 63, 94, 0.5);
    }
    button {
      margin-top: 8px;
      padding: 12px 36px;
      font: inherit;
      font-size: 22px;
      color: #e0f2fe;
      background: rgba(34, 211, 238, 0.12);
      border: 1px solid var(--gc-accent);
      border-radius: 4px;
      cursor: pointer;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
  `,
})
export class WallStatusComponent {
  /** The reason loading failed; null while loading. */
  readonly failure = input<string | null>(null);
  readonly retryInSeconds = input(0);
  readonly lang = input.required<Lang>();
  readonly retry = output();

  protected readonly texts = computed(() => {
    const lang = this.lang();
    return {
      loading: translate(lang, 'wall.loading'),
      failed: translate(lang, 'wall.loadFailed'),
      retryIn: translate(lang, 'wall.retryIn', { seconds: this.retryInSeconds() }),
      retryNow: translate(lang, 'wall.retryNow'),
    };
  });
}
