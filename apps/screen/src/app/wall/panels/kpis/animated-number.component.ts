import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { Lang } from '../../../shared/config/wall-params';
import { formatCount } from '../../../shared/i18n/number-format';
import { tweenCount } from './count-tween';

const DURATION_MS = 900;

/** A count that rolls to each new value instead of jumping, starting from 0 when it first appears. */
@Component({
  selector: 'gc-animated-number',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ text() }}`,
})
export class AnimatedNumberComponent {
  /** Null shows a dash: unknown is not zero. */
  readonly value = input.required<number | null>();
  readonly lang = input.required<Lang>();

  private readonly shown = signal<number | null>(null);
  private frame = 0;
  protected readonly text = computed(() => {
    const shown = this.shown();
    return shown === null ? '—' : formatCount(shown, this.lang());
  });

  constructor() {
    effect(() => {
      const target = this.value();
      untracked(() => this.rollTo(target));
    });
    inject(DestroyRef).onDestroy(() => cancelAnimationFrame(this.frame));
  }

  private rollTo(target: number | null): void {
    cancelAnimationFrame(this.frame);
    if (target === null) {
      this.shown.set(null);
      return;
    }
    const from = this.shown() ?? 0;
    const startedAt = performance.now();
    const step = (time: number): void => {
      const elapsed = time - startedAt;
      this.shown.set(tweenCount(from, target, elapsed, DURATION_MS));
      if (elapsed < DURATION_MS) this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }
}
