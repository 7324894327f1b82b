import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ViewportService } from './viewport.service';

/** The layout's design canvas (1920×1080 unless it says otherwise), scaled as one piece to the window and centred in it. */
@Component({
  selector: 'gc-stage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="stage" [style.width.px]="design().width" [style.height.px]="design().height" [style.transform]="transform()"><ng-content /></div>`,
  styles: `
    :host {
      position: fixed;
      inset: 0;
      overflow: hidden;
      background: #01060f;
    }
    .stage {
      position: absolute;
      left: 0;
      top: 0;
      overflow: hidden;
      transform-origin: 0 0;
      background:
        radial-gradient(ellipse 70% 55% at 50% 42%, rgba(29, 78, 216, 0.28), transparent 70%),
        linear-gradient(rgba(56, 189, 248, 0.05) 1px, transparent 1px) 0 0 / 40px 40px,
        linear-gradient(90deg, rgba(56, 189, 248, 0.05) 1px, transparent 1px) 0 0 / 40px 40px,
        linear-gradient(180deg, #041233 0%, #020b22 55%, #01081a 100%);
    }
  `,
})
export class StageComponent {
  private readonly viewport = inject(ViewportService);
  protected readonly design = this.viewport.design;
  protected readonly transform = computed(() => {
    const { scale, offsetX, offsetY } = this.viewport.fit();
    return `translate(${offsetX}px, ${offsetY}px) scale(${scale})`;
  });
}
