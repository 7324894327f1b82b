import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CanvasSize } from '@grid-command/contracts';
import { chartPixelRatio, DEFAULT_DESIGN, fitStage } from './stage-fit';

/** The browser window as the stage sees it: size, pixel density, the resulting scale and chart resolution. */
@Injectable({ providedIn: 'root' })
export class ViewportService {
  private readonly size = signal({ width: window.innerWidth, height: window.innerHeight });
  private readonly devicePixelRatio = signal(window.devicePixelRatio || 1);
  private densityQuery: MediaQueryList | null = null;

  /** The design size of the layout on the stage; kept after it leaves so a status screen stays the wall's shape. */
  readonly design = signal<CanvasSize>(DEFAULT_DESIGN, { equal: (a, b) => a.width === b.width && a.height === b.height });

  readonly fit = computed(() => fitStage(this.size().width, this.size().height, this.design()));
  readonly chartPixelRatio = computed(() => chartPixelRatio(this.devicePixelRatio(), this.fit().scale));

  private readonly onResize = (): void => {
    this.size.set({ width: window.innerWidth, height: window.innerHeight });
    this.devicePixelRatio.set(window.devicePixelRatio || 1);
  };

  // Moving the window to a screen of another density changes the ratio without a resize event.
  private readonly onDensityChange = (): void => {
    this.onResize();
    this.watchDensity();
  };

  constructor() {
    window.addEventListener('resize', this.onResize, { passive: true });
    this.watchDensity();
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('resize', this.onResize);
      this.densityQuery?.removeEventListener('change', this.onDensityChange);
    });
  }

  private watchDensity(): void {
    this.densityQuery?.removeEventListener('change', this.onDensityChange);
    this.densityQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.densityQuery.addEventListener('change', this.onDensityChange);
  }
}
