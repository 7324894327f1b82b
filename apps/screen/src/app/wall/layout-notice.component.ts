import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { LayoutNotice } from '@grid-command/contracts';
import type { Lang } from '../shared/config/wall-params';
import { wordNotice } from './problems/wall-problem-texts';

/**
 * Over a wall that keeps its last good layout because its file was edited into something invalid: which file, what is
 * wrong with which field, and that fixing the file is enough. Bottom centre, above the panels, never hiding the title.
 */
@Component({
  selector: 'gc-layout-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', '[attr.data-layout-notice]': 'notice().file' },
  template: `
    <p class="title">⚠ {{ wording().title }}</p>
    <ul class="lines">
      @for (line of wording().lines; track $index) {
        <li>{{ line }}</li>
      }
    </ul>
    <p class="fix">{{ wording().detail }}</p>
  `,
  styles: `
    :host {
      position: absolute;
      left: 50%;
      bottom: 28px;
      z-index: 20;
      max-width: 1400px;
      padding: 14px 24px;
      transform: translateX(-50%);
      color: #fef3c7;
      background: rgba(69, 26, 3, 0.92);
      border: 2px solid var(--gc-warning);
      border-radius: 6px;
      box-shadow: 0 0 24px rgba(245, 158, 11, 0.45);
      font-size: 20px;
    }
    p,
    ul {
      margin: 0;
    }
    .title {
      font-size: 22px;
      font-weight: 700;
    }
    .lines {
      margin: 6px 0;
      padding-left: 24px;
    }
    .fix {
      color: #fde68a;
    }
  `,
})
export class LayoutNoticeComponent {
  readonly notice = input.required<LayoutNotice>();
  readonly lang = input.required<Lang>();
  protected readonly wording = computed(() => wordNotice(this.notice(), this.lang()));
}
