import { DOCUMENT, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { ReplaySpeed } from '@grid-command/contracts';
import { WallClock } from '../../shared/time/wall-clock.service';
import { hasCaughtUp, pauseReplay, playReplay, replayTimeAt, seekReplay, setReplaySpeed, startReplayClock, type ReplayClockState } from './replay-clock';
import { parseReplayParams, type ReplayParams } from '../../shared/replay/replay-params';

/** `?at=…&speed=…` of the page, read once; null for a live wall. */
export const REPLAY_PARAMS = new InjectionToken<ReplayParams | null>('REPLAY_PARAMS', {
  providedIn: 'root',
  factory: () => parseReplayParams(inject(DOCUMENT).location.search),
});

/**
 * The replay clock of one wall: replayed time advancing at the chosen speed on the server's clock, with play, pause,
 * speed and seek. The replay sources fetch at its time; the wall's clock panel and banner show it.
 */
@Injectable()
export class ReplaySession {
  private readonly clock = inject(WallClock);
  private readonly state = signal<ReplayClockState>(startReplayClock(inject(REPLAY_PARAMS)?.startMs ?? this.clock.read(), inject(REPLAY_PARAMS)?.speed ?? 60, this.clock.read()));
  private readonly movedSignal = signal(0);

  /** Replayed time (epoch ms), refreshed with the wall's clock every second. */
  readonly position = computed(() => replayTimeAt(this.state(), this.clock.now()));
  readonly speed = computed(() => this.state().speed);
  /** The replay has reached the present and holds there. */
  readonly caughtUp = computed(() => hasCaughtUp(this.state(), this.clock.now()));
  readonly playing = computed(() => this.state().playing && !this.caughtUp());
  /** Counts jumps (seek, speed change): the sources fetch at once instead of waiting for their next turn. */
  readonly moved = this.movedSignal.asReadonly();

  /** Replayed time at this very moment, between the clock's ticks. */
  read(): number {
    return replayTimeAt(this.state(), this.clock.read());
  }

  togglePlay(): void {
    const now = this.clock.read();
    this.state.update((state) => (state.playing ? pauseReplay(state, now) : playReplay(state, now)));
    this.movedSignal.update((count) => count + 1);
  }

  setSpeed(speed: ReplaySpeed): void {
    this.state.update((state) => setReplaySpeed(state, speed, this.clock.read()));
    this.movedSignal.update((count) => count + 1);
  }

  seek(targetMs: number): void {
    this.state.update((state) => seekReplay(state, targetMs, this.clock.read()));
    this.movedSignal.update((count) => count + 1);
  }
}
