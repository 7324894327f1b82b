import { DOCUMENT, Injectable, inject, signal } from '@angular/core';

const MUTED_KEY = 'gc.console.soundMuted';

/** What a duty officer sets once on a desk and expects to find again tomorrow: the sound switch. */
@Injectable({ providedIn: 'root' })
export class ConsolePrefs {
  private readonly storage = storageOf(inject(DOCUMENT).defaultView);
  private readonly mutedSignal = signal(this.read(MUTED_KEY) === '1');

  readonly soundMuted = this.mutedSignal.asReadonly();

  setSoundMuted(muted: boolean): void {
    this.mutedSignal.set(muted);
    this.write(MUTED_KEY, muted ? '1' : '0');
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // A locked-down browser keeps the choice for this page only; nothing else depends on storing it.
    }
  }
}

function storageOf(window: Window | null): Storage | null {
  try {
    return window?.localStorage ?? null;
  } catch {
    return null;
  }
}
