import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import { louder, type Chime } from './alert-chime';

/**
 * - `locked`: the browser has not allowed sound yet (it waits for a click or a key on the page);
 * - `ready`: sound plays;
 * - `unsupported`: no Web Audio in this browser.
 */
export type SoundState = 'locked' | 'ready' | 'unsupported';

/** Chimes due within this window play as one, the loudest of them: a burst of notices is one call, not a drum roll. */
const COALESCE_MS = 400;
const QUIET_AFTER_MS = 1500;

interface Tone {
  readonly frequency: number;
  readonly startS: number;
  readonly lengthS: number;
  readonly gain: number;
}

const TONES: Readonly<Record<Exclude<Chime, 'none'>, readonly Tone[]>> = {
  beep: [
    { frequency: 880, startS: 0, lengthS: 0.18, gain: 0.25 },
    { frequency: 1175, startS: 0.24, lengthS: 0.22, gain: 0.25 },
  ],
  loud: [0, 1, 2].flatMap((round) => [
    { frequency: 988, startS: round * 0.7, lengthS: 0.22, gain: 0.7 },
    { frequency: 1319, startS: round * 0.7 + 0.28, lengthS: 0.3, gain: 0.7 },
  ]),
};

/** The console's alarm on Web Audio, a synthesised two-tone call, so nothing has to be downloaded. */
@Injectable()
export class AlertSound {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly stateSignal = signal<SoundState>(this.window !== null && 'AudioContext' in this.window ? 'locked' : 'unsupported');
  private context: AudioContext | null = null;
  private pending: Chime = 'none';
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private quietUntilMs = 0;

  readonly state = this.stateSignal.asReadonly();

  constructor() {
    // Any click or key on the page is the gesture browsers wait for before they let a page make sound.
    const onGesture = (): void => this.unlock();
    this.window?.addEventListener('pointerdown', onGesture, true);
    this.window?.addEventListener('keydown', onGesture, true);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('pointerdown', onGesture, true);
      this.window?.removeEventListener('keydown', onGesture, true);
      clearTimeout(this.pendingTimer);
      void this.context?.close();
    });
  }

  /** Must run inside a user gesture the first time; harmless afterwards. */
  unlock(): void {
    if (this.stateSignal() === 'unsupported' || this.window === null) return;
    this.context ??= new this.window.AudioContext();
    const context = this.context;
    if (context.state === 'running') {
      this.stateSignal.set('ready');
      return;
    }
    context.resume().then(
      () => this.stateSignal.set(context.state === 'running' ? 'ready' : 'locked'),
      () => this.stateSignal.set('locked'),
    );
  }

  /** Plays `chime` unless muted or still locked; what is due within a short window plays once, the loudest. */
  play(chime: Chime, muted: boolean): void {
    if (chime === 'none' || muted || this.stateSignal() !== 'ready') return;
    this.pending = louder(this.pending, chime);
    if (this.pendingTimer !== undefined) return;
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      const due = this.pending;
      this.pending = 'none';
      const now = Date.now();
      // A beep right after a call adds nothing; a loud call always gets through.
      if (due === 'none' || (due === 'beep' && now < this.quietUntilMs)) return;
      this.quietUntilMs = now + QUIET_AFTER_MS;
      this.sound(due);
    }, COALESCE_MS);
  }

  private sound(chime: Exclude<Chime, 'none'>): void {
    const context = this.context;
    if (context === null || context.state !== 'running') return;
    const start = context.currentTime + 0.02;
    for (const tone of TONES[chime]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = tone.frequency;
      const at = start + tone.startS;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(tone.gain, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.lengthS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + tone.lengthS + 0.05);
    }
  }
}
