import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { chartPixelRatio, fitStage } from './stage-fit';

/** The browser window as the stage sees it: size, pixel density, the resulting scale and chart resolution. */
@Injectable({ providedIn: 'root' })
export class ViewportService {
  private readonly size = signal({ width: window.innerWidth, height: window.innerHeight });
  private readonly devicePixelRatio = signal(window.devicePixelRatio || 1);
  private densityQuery: MediaQueryList | null = null;

  readonly fit = computed(() => fitStage(this.size().width, this.size().height));
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
