/**
 * What the sound button shows and does:
 * - `locked`: sound is wanted but the browser has not allowed it yet (it waits for a click or a key on the page);
 * - `on`: critical alerts play;
 * - `muted`: the officer turned sound off (kept across reloads, shown even before the browser allows sound);
 * - `unsupported`: no Web Audio in this browser.
 */
export type SoundView = 'locked' | 'on' | 'muted' | 'unsupported';

/** Whether the browser lets the page play: locked until a gesture resumed its AudioContext. */
export type AudioAccess = 'locked' | 'ready' | 'unsupported';

export interface SoundSwitch {
  readonly audio: AudioAccess;
  /** The officer's choice. */
  readonly muted: boolean;
  /**
   * What the button showed when the current gesture began. The gesture's pointerdown unlocks audio before its click
   * arrives, so the click must act on what the officer saw, not on what the unlock made of it.
   */
  readonly shownAtGesture: SoundView | null;
}

export type SoundEvent =
  /** A pointerdown or keydown anywhere on the page: the browser's permission to play, on its way. */
  | { readonly type: 'gesture' }
  /** The AudioContext said whether it runs. */
  | { readonly type: 'audio'; readonly access: Exclude<AudioAccess, 'unsupported'> }
  /** A click on the sound button. */
  | { readonly type: 'click' }
  /** The page loaded again: the browser forgot its permission, the officer's choice was kept. */
  | { readonly type: 'reload' };

export function initialSoundSwitch(supported: boolean, muted: boolean): SoundSwitch {
  return { audio: supported ? 'locked' : 'unsupported', muted, shownAtGesture: null };
}

export function soundView(state: SoundSwitch): SoundView {
  if (state.audio === 'unsupported') return 'unsupported';
  if (state.muted) return 'muted';
  return state.audio === 'ready' ? 'on' : 'locked';
}

export function nextSoundSwitch(state: SoundSwitch, event: SoundEvent): SoundSwitch {
  if (state.audio === 'unsupported') return state;
  switch (event.type) {
    case 'gesture':
      return { ...state, shownAtGesture: soundView(state) };
    case 'audio':
      return { ...state, audio: event.access };
    case 'click': {
      // "点击启用声音" and "已静音" both promise sound; only a button that said it was on turns it off.
      const shown = state.shownAtGesture ?? soundView(state);
      return { ...state, muted: shown === 'on', shownAtGesture: null };
    }
    case 'reload':
      return initialSoundSwitch(true, state.muted);
  }
}
