import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';

/**
 * One ticking clock for the whole wall, on the server's time: it drives the clock panel, data ages and retry
 * countdowns, and steps exactly on the second so the displayed seconds never skip or stall.
 */
@Injectable({ providedIn: 'root' })
export class WallClock {
  private readonly offsetMs = signal(0);
  private readonly syncedSignal = signal(false);
  private readonly localNow = signal(Date.now());
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Milliseconds since the epoch on the server's clock, refreshed every second. */
  readonly now = computed(() => this.localNow() + this.offsetMs());
  /** Whether the server's clock has been read once (an answer's `Date`): until then `now` is only this machine's. */
  readonly synced = this.syncedSignal.asReadonly();

  constructor() {
    this.scheduleTick();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  /** The server's time at this very moment, between ticks: when something arrived, to compare with `now`. */
  read(): number {
    return Date.now() + this.offsetMs();
  }

  /** Adopts a new estimate of how far the server clock is ahead of this machine. */
  adjust(offsetMs: number): void {
    this.offsetMs.set(offsetMs);
    this.syncedSignal.set(true);
  }

  private scheduleTick(): void {
    const untilNextSecond = 1000 - ((Date.now() + this.offsetMs()) % 1000);
    this.timer = setTimeout(() => {
      this.localNow.set(Date.now());
      this.scheduleTick();
    }, untilNextSecond + 5);
  }
}
