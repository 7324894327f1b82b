import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { KpiKind, Snapshot } from '@grid-command/contracts';
import type { Lang } from '../../../shared/config/wall-params';
import { translate, type MessageKey } from '../../../shared/i18n/messages';
import { formatCount } from '../../../shared/i18n/number-format';
import { AnimatedNumberComponent } from './animated-number.component';
import { kpiValues } from './kpi-values';
import { ReplaySession } from '../../replay/replay-session.service';

const LABEL: Readonly<Record<KpiKind, MessageKey>> = {
  reported: 'kpi.reported',
  lastHour: 'kpi.lastHour',
  activeGrids: 'kpi.activeGrids',
  peakPerMinute: 'kpi.peakPerMinute',
};

const UNIT: Readonly<Record<KpiKind, MessageKey | null>> = {
  reported: 'kpi.unit.reports',
  lastHour: 'kpi.unit.reports',
  activeGrids: null,
  peakPerMinute: 'kpi.unit.perMinute',
};

/** The headline figures, side by side, large enough to read from the back of the room. */
@Component({
  selector: 'gc-kpis-panel',
  imports: [AnimatedNumberComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (kpi of tiles(); track kpi.kind) {
      <div class="kpi" [attr.data-kpi]="kpi.kind">
        <div class="kpi__label">{{ kpi.label }}</div>
        <div class="kpi__figure">
          <gc-animated-number class="kpi__value" [value]="kpi.value" [lang]="lang()" />
          @if (kpi.outOf !== null) {
            <span class="kpi__unit">/ {{ kpi.outOf }}</span>
          } @else if (kpi.unit) {
            <span class="kpi__unit">{{ kpi.unit }}</span>
          }
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      height: 100%;
    }
    .kpi {
      flex: 1 1 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: center;
      gap: 6px;
      position: relative;
      background: linear-gradient(180deg, rgba(14, 58, 122, 0.55), rgba(7, 26, 58, 0.75));
      border: 1px solid var(--gc-line);
      border-radius: 6px;
      box-shadow: inset 0 0 24px rgba(34, 211, 238, 0.12);
    }
    .kpi::after {
      content: '';
      position: absolute;
      left: 20%;
      right: 20%;
      bottom: -1px;
      height: 2px;
      background: linear-gradient(90deg, transparent, var(--gc-accent), transparent);
    }
    .kpi__label {
      font-size: 22px;
      color: var(--gc-muted);
      letter-spacing: 2px;
    }
    .kpi__figure {
      display: flex;
      align-items: baseline;
      gap: 8px;
      white-space: nowrap;
    }
    .kpi__value {
      font-size: 60px;
      font-weight: 700;
      line-height: 1;
      font-variant-numeric: tabular-nums;
      color: #e6fbff;
      text-shadow: 0 0 18px rgba(34, 211, 238, 0.75);
    }
    .kpi__unit {
      font-size: 20px;
      color: var(--gc-muted);
    }
  `,
})
export class KpisPanelComponent {
  readonly kinds = input.required<readonly KpiKind[]>();
  readonly snapshot = input.required<Snapshot | null>();
  readonly lang = input.required<Lang>();
  /** A replayed wall must not call its count 实时. */
  private readonly replaying = inject(ReplaySession, { optional: true }) !== null;

  protected readonly tiles = computed(() => {
    const lang = this.lang();
    return kpiValues(this.snapshot(), this.kinds()).map((kpi) => {
      const unit = UNIT[kpi.kind];
      return {
        ...kpi,
        label: translate(lang, kpi.kind === 'reported' && this.replaying ? 'kpi.reportedReplay' : LABEL[kpi.kind]),
        unit: unit === null ? '' : translate(lang, unit),
        outOf: kpi.outOf === null ? null : formatCount(kpi.outOf, lang),
      };
    });
  });
}
