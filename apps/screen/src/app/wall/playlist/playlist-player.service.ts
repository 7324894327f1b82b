import { DOCUMENT, DestroyRef, ErrorHandler, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { layoutFileNameSchema, playlistSchema, type Playlist } from '@grid-command/contracts';
import { DEFAULT_ALERT_FILTERS } from '../../shared/alerts/alert-filters';
import type { AlertBook } from '../../shared/alerts/alert-book';
import { WALL_PARAMS } from '../../shared/config/wall-params.token';
import { withLayout, withPlaylist } from '../../shared/config/wall-params';
import { ApiClient } from '../../shared/data/api-client.service';
import { ApiRequestError } from '../../shared/data/api-request.error';
import type { MessageParams } from '../../shared/i18n/messages';
import { WallClock } from '../../shared/time/wall-clock.service';
import { WallLoader } from '../data/wall-loader.service';
import { takePlaylistResume } from '../remote/reload-memory';
import { WallCommands } from '../remote/wall-commands.service';
import { crossFadeFrom } from './cross-fade';
import type { PlaylistMessageKey } from './playlist-messages';
import { PlaylistAlerts } from './playlist-alerts.service';
import {
  advance,
  criticalHoldEnded,
  criticalToHold,
  holdForCritical,
  isDue,
  nextEntryIndex,
  nextWakeMs,
  pauseReason,
  pauseRotation,
  releaseCritical,
  resumeRotation,
  secondsToNext,
  startRotation,
  type PauseReason,
  type Rotation,
} from './playlist-rotation';

/** A playlist that could not be loaded, or whose every entry failed, is tried again after this long. */
const RETRY_MS = 30_000;
/** The playlist's alert list is fetched again this often besides the socket's notices. */
const ALERT_REFRESH_MS = 30_000;

/** What the player is doing, for the wall's health report and the overlay. */
export interface PlaylistStatus {
  /** The playlist asked for; null when the wall shows one layout. */
  readonly playlist: string | null;
  /** Position of the entry on screen (0-based), null before the playlist has loaded. */
  readonly index: number | null;
  readonly count: number;
  readonly paused: PauseReason | null;
  /** The critical alert holding the wall. */
  readonly criticalAlertId: string | null;
  readonly secondsToNext: number | null;
}

/** Something the wall says about the playlist (in the viewer's language): a playlist or entry that failed. */
export interface PlaylistNotice {
  readonly key: PlaylistMessageKey;
  readonly params: MessageParams;
  /** The HTTP status of the failure (null: no answer), for the reason in words. */
  readonly status?: number | null;
  readonly detail?: string;
}

/**
 * Plays a playlist on the wall (`/?playlist=name`, or the console's `playlist` command): each entry's layout on its
 * scope for its dwell time, swapped in place on the same socket with a cross-fade, the next entry fetched ahead. An
 * unanswered critical alert in the playlist's scope holds the wall on the alert's place until it is acknowledged or
 * closed (or the hold runs out), then the tour goes on where it stopped. A bad entry is said on the wall and skipped;
 * a playlist that cannot be loaded leaves the default wall on screen, said so, and is tried again.
 */
@Injectable()
export class PlaylistPlayer {
  private readonly loader = inject(WallLoader);
  private readonly api = inject(ApiClient);
  private readonly clock = inject(WallClock);
  private readonly alerts = inject(PlaylistAlerts);
  private readonly params = inject(WALL_PARAMS);
  private readonly document = inject(DOCUMENT);
  private readonly errors = inject(ErrorHandler);

  private readonly nameSignal = signal<string | null>(null);
  private readonly playlistSignal = signal<Playlist | null>(null);
  private readonly rotationSignal = signal<Rotation | null>(null);
  private readonly noticesSignal = signal<ReadonlyMap<string, PlaylistNotice>>(new Map());

  readonly playlist = this.playlistSignal.asReadonly();
  readonly rotation = this.rotationSignal.asReadonly();
  readonly notices = computed(() => [...this.noticesSignal().values()]);
  readonly status = computed<PlaylistStatus>(() => {
    const rotation = this.rotationSignal();
    return {
      playlist: this.nameSignal(),
      index: rotation?.index ?? null,
      count: this.playlistSignal()?.entries.length ?? 0,
      paused: rotation === null ? null : pauseReason(rotation),
      criticalAlertId: rotation?.critical?.alertId ?? null,
      secondsToNext: rotation === null ? null : secondsToNext(rotation, this.clock.now()),
    };
  });
  /** The critical alert holding the wall, as it now stands. */
  readonly criticalAlert = computed(() => {
    const hold = this.rotationSignal()?.critical;
    return hold === undefined || hold === null ? null : (this.alerts.book().alerts.get(hold.alertId) ?? null);
  });

  /** The playlist to play when the wall (re)starts: the address's until a command says otherwise (null: none). */
  private wanted: string | null | undefined = undefined;
  /** Bumped by every play and stop: answers for an older one are for nobody. */
  private generation = 0;
  /** Entries that failed this round; they are tried again in the next. */
  private readonly unusable = new Set<number>();
  /** Critical alerts the wall has already stopped for: a hold that ran out is not repeated. */
  private readonly heldAlerts = new Set<string>();
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const commands = inject(WallCommands);
    const unregister = [
      commands.on('show', ({ layout, scope }) => this.showLayout(layout, scope)),
      commands.on('playlist', ({ name }) => {
        this.replaceAddress(withPlaylist(this.document.location.search, name));
        this.wanted = name;
        this.play(name);
      }),
      commands.on('pause', () => this.pause()),
      commands.on('resume', () => this.resume()),
    ];
    effect(() => {
      const book = this.alerts.book();
      untracked(() => this.watchCritical(book));
    });
    inject(DestroyRef).onDestroy(() => {
      for (const off of unregister) off();
      this.stop();
    });
  }

  /** Starts the playlist the wall should play, if any; false when there is none (the caller loads the wall itself). */
  boot(): boolean {
    const name = this.wanted === undefined ? this.params.playlist : this.wanted;
    if (name === null) return false;
    // After a soft reload (the fleet's reload command, self-healing) the tour goes on at the entry it was on.
    this.play(name, takePlaylistResume(this.sessionStorage(), name) ?? 0);
    return true;
  }

  /** Stops playing (the session ended, or a layout was asked for); the wall keeps what is on screen. */
  stop(): void {
    this.generation += 1;
    clearTimeout(this.wakeTimer);
    clearTimeout(this.retryTimer);
    this.nameSignal.set(null);
    this.playlistSignal.set(null);
    this.rotationSignal.set(null);
    this.noticesSignal.set(new Map());
    this.unusable.clear();
    this.heldAlerts.clear();
  }

  /** Plays `name` from its first entry (or from entry `from`, when the playlist has one). */
  play(name: string, from = 0): void {
    this.stop();
    const generation = this.generation;
    this.nameSignal.set(name);
    if (!layoutFileNameSchema.safeParse(name).success) {
      this.say('playlist', { key: 'playlist.badName', params: { name } });
      this.showDefaultWall();
      return;
    }
    this.api.get(`/api/v1/playlists/${encodeURIComponent(name)}`, playlistSchema).then(
      (playlist) => {
        if (generation !== this.generation) return;
        this.unsay('playlist');
        this.playlistSignal.set(playlist);
        if (playlist.onCritical === 'pause') this.alerts.start(playlist.scope, DEFAULT_ALERT_FILTERS, { refreshMs: ALERT_REFRESH_MS, catchUp: false });
        this.enter(startRotation(playlist.entries, this.clock.read(), from < playlist.entries.length ? from : 0));
        this.watchCritical(this.alerts.book());
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.errors.handleError(error);
        this.say('playlist', { key: 'playlist.loadFailed', params: { name }, ...failureOf(error) });
        this.showDefaultWall();
        this.retryTimer = setTimeout(() => this.play(name, from), RETRY_MS);
      },
    );
  }

  /** Holds the tour on the entry on screen (the console's `pause`). */
  pause(): void {
    const rotation = this.rotationSignal();
    if (rotation === null) return;
    this.rotationSignal.set(pauseRotation(rotation, this.clock.read()));
    this.scheduleWake();
  }

  /** Goes on rotating with what was left of the entry's time (the console's `resume`). */
  resume(): void {
    const rotation = this.rotationSignal();
    if (rotation === null) return;
    this.rotationSignal.set(resumeRotation(rotation, this.clock.read()));
    this.wake();
  }

  /** Leaves the playlist and shows one layout, the address following so a reload keeps it. */
  private showLayout(layout: string, scope: string | undefined): void {
    this.stop();
    this.wanted = null;
    this.replaceAddress(withLayout(this.document.location.search, layout, scope));
    this.present(layout, scope).catch((error: unknown) => this.errors.handleError(error));
  }

  /** Puts the rotation's entry on screen (or the place of the alert holding it). */
  private enter(rotation: Rotation): void {
    const playlist = this.playlistSignal();
    const entry = playlist?.entries[rotation.index];
    if (playlist === null || entry === undefined) return;
    const generation = this.generation;
    this.rotationSignal.set(rotation);
    this.scheduleWake();
    const held = rotation.critical;
    this.present(entry.layout, held?.scope ?? entry.scope).then(
      (shown) => {
        if (!shown || generation !== this.generation || held !== null) return;
        this.unsay(`entry:${rotation.index}`);
        const next = playlist.entries[nextEntryIndex(playlist.entries.length, rotation.index, this.unusable) ?? rotation.index];
        if (next !== undefined && next !== entry) this.loader.prefetch(next.layout, next.scope);
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.errors.handleError(error);
        if (held !== null) {
          // The alert's place cannot be shown: the tour goes on; the layouts' tickers still carry the alert.
          this.enter(releaseCritical(this.rotationSignal() ?? rotation, this.clock.read()));
          return;
        }
        this.say(`entry:${rotation.index}`, { key: 'playlist.entrySkipped', params: { position: rotation.index + 1, layout: entry.layout }, ...failureOf(error) });
        this.unusable.add(rotation.index);
        this.moveOn(rotation);
      },
    );
  }

  /** To the next usable entry; when none is, says so, keeps a wall on screen and tries the round again later. */
  private moveOn(rotation: Rotation): void {
    const playlist = this.playlistSignal();
    if (playlist === null) return;
    const next = advance(rotation, playlist.entries, this.clock.read(), this.unusable);
    if (next !== rotation) {
      this.enter(next);
      return;
    }
    this.say('playlist', { key: 'playlist.noneUsable', params: { name: this.nameSignal() ?? '' } });
    this.showDefaultWall();
    this.unusable.clear();
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      if (generation !== this.generation) return;
      this.unsay('playlist');
      this.enter(startRotation(playlist.entries, this.clock.read(), rotation.index));
    }, RETRY_MS);
  }

  /** The entry's time or the alert's hold is up: on to the next entry, or back to the tour. */
  private wake(): void {
    const rotation = this.rotationSignal();
    const playlist = this.playlistSignal();
    if (rotation === null || playlist === null) return;
    const nowMs = this.clock.read();
    if (rotation.critical !== null) {
      if (nowMs >= rotation.critical.untilMs) this.endCritical(rotation);
      else this.scheduleWake();
      return;
    }
    if (!isDue(rotation, nowMs)) {
      this.scheduleWake();
      return;
    }
    // A new round tries the entries that failed in the last one again.
    const next = nextEntryIndex(playlist.entries.length, rotation.index, this.unusable);
    if (next !== null && next <= rotation.index) this.unusable.clear();
    this.moveOn(rotation);
  }

  private scheduleWake(): void {
    clearTimeout(this.wakeTimer);
    const rotation = this.rotationSignal();
    const at = rotation === null ? null : nextWakeMs(rotation);
    if (at === null) return;
    this.wakeTimer = setTimeout(() => this.wake(), Math.max(0, at - this.clock.read()) + 20);
  }

  /** Every change of the playlist scope's alerts: hold for a new unanswered critical one, or end the hold. */
  private watchCritical(book: AlertBook): void {
    const playlist = this.playlistSignal();
    const rotation = this.rotationSignal();
    if (playlist === null || rotation === null || playlist.onCritical !== 'pause') return;
    const nowMs = this.clock.read();
    if (rotation.critical !== null) {
      if (criticalHoldEnded(rotation.critical, book.alerts.get(rotation.critical.alertId), nowMs)) this.endCritical(rotation);
      return;
    }
    const alert = criticalToHold(book.alerts.values(), this.heldAlerts);
    if (alert === null) return;
    this.heldAlerts.add(alert.id);
    this.enter(holdForCritical(rotation, alert, nowMs, playlist.criticalHoldSeconds));
  }

  /** The alert no longer holds the wall: the next unanswered one does, or the tour resumes where it stopped. */
  private endCritical(rotation: Rotation): void {
    const released = releaseCritical(rotation, this.clock.read());
    this.rotationSignal.set(released);
    const playlist = this.playlistSignal();
    const next = criticalToHold(this.alerts.book().alerts.values(), this.heldAlerts);
    if (playlist !== null && next !== null) {
      this.heldAlerts.add(next.id);
      this.enter(holdForCritical(released, next, this.clock.read(), playlist.criticalHoldSeconds));
      return;
    }
    this.enter(released);
  }

  /** Swaps the wall in place, cross-fading when a wall is on screen to fade from. */
  private present(layout: string, scope: string | undefined): Promise<boolean> {
    const onScreen = this.loader.state().status === 'ready';
    return this.loader.show(layout, scope, onScreen ? { beforeSwap: () => crossFadeFrom(this.document) } : {});
  }

  /** Never a blank wall: the default layout when nothing is on screen yet. */
  private showDefaultWall(): void {
    if (this.loader.state().status !== 'ready') this.loader.load();
  }

  private sessionStorage(): Storage | null {
    try {
      return this.document.defaultView?.sessionStorage ?? null;
    } catch {
      // A browser that refuses storage: the tour starts at its top.
      return null;
    }
  }

  private replaceAddress(search: string): void {
    const { location, defaultView } = this.document;
    defaultView?.history.replaceState(defaultView.history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  private say(key: string, notice: PlaylistNotice): void {
    this.noticesSignal.update((notices) => new Map(notices).set(key, notice));
  }

  private unsay(key: string): void {
    if (!this.noticesSignal().has(key)) return;
    this.noticesSignal.update((notices) => {
      const next = new Map(notices);
      next.delete(key);
      return next;
    });
  }
}

function failureOf(error: unknown): Pick<PlaylistNotice, 'status' | 'detail'> {
  if (error instanceof ApiRequestError) return { status: error.status, detail: error.detail };
  return { status: undefined, detail: error instanceof Error ? error.message : String(error) };
}
