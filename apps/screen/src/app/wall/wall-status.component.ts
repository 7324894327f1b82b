import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Lang } from '../shared/config/wall-params';
import { translate } from '../shared/i18n/messages';
import type { WallProblem } from './problems/wall-problem';
import { wordProblem } from './problems/wall-problem-texts';

/**
 * What the stage shows until a layout is there: a loading notice, or what is wrong in the wall's language with what
 * to do about it, and the retry countdown when trying again can help.
 */
@Component({
  selector: 'gc-wall-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-wall-status]': 'problem() === null ? "loading" : "error"', '[attr.data-problem]': 'problem()?.kind', role: 'status' },
  template: `
    @if (wording(); as wording) {
      <div class="mark mark--error">!</div>
      <h1>{{ wording.title }}</h1>
      <p class="message">{{ wording.detail }}</p>
      @if (wording.lines.length > 0) {
        <ul class="lines">
          @for (line of wording.lines; track $index) {
            <li>{{ line }}</li>
          }
        </ul>
      }
      @if (texts().retryIn; as retryIn) {
        <p class="countdown">{{ retryIn }}</p>
      }
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
    .lines {
      margin: 0;
      padding: 0;
      max-width: 1400px;
      list-style: none;
      font-size: 22px;
      color: var(--gc-warning);
      text-align: left;
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
  /** Why loading failed; null while loading. */
  readonly problem = input<WallProblem | null>(null);
  /** Seconds until the next automatic try; null when trying again by itself cannot help. */
  readonly retryInSeconds = input<number | null>(0);
  readonly lang = input.required<Lang>();
  readonly retry = output();

  protected readonly texts = computed(() => {
    const lang = this.lang();
    const seconds = this.retryInSeconds();
    return {
      loading: translate(lang, 'wall.loading'),
      retryIn: seconds === null ? null : translate(lang, 'wall.retryIn', { seconds }),
      retryNow: translate(lang, 'wall.retryNow'),
    };
  });
  protected readonly wording = computed(() => {
    const problem = this.problem();
    return problem === null ? null : wordProblem(problem, this.lang());
  });
}
