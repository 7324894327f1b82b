import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Lang } from '../../../shared/config/wall-params';
import type { WallFreshness } from '../../wall-freshness';
import { wallFreshnessText } from './wall-freshness-text';

/**
 * Whether the wall can be trusted right now: a green "live", or an amber / red warning that says how far behind,
 * for the live link and the KPI poll together.
 */
@Component({
  selector: 'gc-freshness-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-level]': 'status().level', '[attr.data-cause]': 'status().cause', role: 'status', 'aria-live': 'polite' },
  template: `
    <span class="lamp"></span>
    <div class="text">
      <div class="headline">{{ text().headline }}</div>
      <div class="detail">{{ text().detail }}</div>
    </div>
  `,
  styles: `
    :host {
      --level: var(--gc-muted);
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 16px;
      height: 100%;
      padding: 0 12px;
      white-space: nowrap;
    }
    :host([data-level='fresh']) {
      --level: var(--gc-ok);
    }
    :host([data-level='waiting']) {
      --level: var(--gc-accent);
    }
    :host([data-level='stale']) {
      --level: var(--gc-warning);
    }
    :host([data-level='offline']) {
      --level: var(--gc-danger);
    }
    .lamp {
      width: 18px;
      height: 18px;
      border-radius: 50%;
      background: var(--level);
      box-shadow: 0 0 14px var(--level);
      animation: pulse 2s ease-in-out infinite;
    }
    :host([data-level='stale']) .lamp,
    :host([data-level='offline']) .lamp {
      animation-duration: 0.8s;
    }
    .text {
      text-align: right;
    }
    .headline {
      font-size: 28px;
      font-weight: 700;
      color: var(--level);
    }
    .detail {
      font-size: 17px;
      color: var(--gc-muted);
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
  `,
})
export class FreshnessPanelComponent {
  readonly status = input.required<WallFreshness>();
  readonly asOfMs = input.required<number | null>();
  readonly timeZone = input.required<string | null>();
  readonly lang = input.required<Lang>();

  protected readonly text = computed(() => wallFreshnessText(this.status(), this.asOfMs(), this.timeZone(), this.lang()));
}
