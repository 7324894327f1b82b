import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { ConsolePrefs } from '../console-prefs.service';
import { louder, type Chime } from './alert-chime';
import { initialSoundSwitch, nextSoundSwitch, soundView, type SoundEvent } from './sound-switch';

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

/**
 * The console's alarm on Web Audio, a synthesised two-tone call, so nothing has to be downloaded; and the switch
 * that turns it on and off (see `sound-switch.ts`), the officer's choice kept in `ConsolePrefs`.
 */
@Injectable()
export class AlertSound {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly prefs = inject(ConsolePrefs);
  private readonly switchSignal = signal(initialSoundSwitch(this.window !== null && 'AudioContext' in this.window, this.prefs.soundMuted()));
  private context: AudioContext | null = null;
  private pending: Chime = 'none';
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private quietUntilMs = 0;

  readonly view = computed(() => soundView(this.switchSignal()));

  constructor() {
    // Any click or key on the page is the gesture browsers wait for before they let a page make sound.
    const onGesture = (): void => {
      this.apply({ type: 'gesture' });
      this.unlock();
    };
    this.window?.addEventListener('pointerdown', onGesture, true);
    this.window?.addEventListener('keydown', onGesture, true);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('pointerdown', onGesture, true);
      this.window?.removeEventListener('keydown', onGesture, true);
      clearTimeout(this.pendingTimer);
      void this.context?.close();
    });
  }

  /** The sound button was clicked: on from locked or muted, off from on. */
  toggle(): void {
    this.apply({ type: 'click' });
    this.prefs.setSoundMuted(this.switchSignal().muted);
    // A click is a gesture too: one that arrived without a pointerdown (a screen reader's) unlocks here.
    this.unlock();
  }

  private apply(event: SoundEvent): void {
    this.switchSignal.update((state) => nextSoundSwitch(state, event));
  }

  /** Must run inside a user gesture the first time; harmless afterwards. */
  private unlock(): void {
    if (this.view() === 'unsupported' || this.window === null) return;
    this.context ??= new this.window.AudioContext();
    const context = this.context;
    if (context.state === 'running') {
      this.apply({ type: 'audio', access: 'ready' });
      return;
    }
    context.resume().then(
      () => this.apply({ type: 'audio', access: context.state === 'running' ? 'ready' : 'locked' }),
      () => this.apply({ type: 'audio', access: 'locked' }),
    );
  }

  /** Plays `chime` while the sound is on; what is due within a short window plays once, the loudest. */
  play(chime: Chime): void {
    if (chime === 'none' || this.view() !== 'on') return;
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
