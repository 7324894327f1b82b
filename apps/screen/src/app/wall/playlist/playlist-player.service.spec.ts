import { ErrorHandler, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Alert, Playlist } from '@grid-command/contracts';
import { alertFixture } from '@grid-command/contracts/testing';
import { applyAlert, EMPTY_BOOK, type AlertBook } from '../../shared/alerts/alert-book';
import { WALL_PARAMS } from '../../shared/config/wall-params.token';
import { parseWallParams } from '../../shared/config/wall-params';
import { ApiClient } from '../../shared/data/api-client.service';
import { ApiRequestError } from '../../shared/data/api-request.error';
import { WallLoader } from '../data/wall-loader.service';
import { WallCommands } from '../remote/wall-commands.service';
import { PlaylistAlerts } from './playlist-alerts.service';
import { PlaylistPlayer } from './playlist-player.service';

const TOUR: Playlist = {
  version: 1,
  title: { zh: '轮播', en: 'Tour' },
  scope: 'district:450103',
  onCritical: 'pause',
  criticalHoldSeconds: 120,
  entries: [
    { layout: 'leader-wall', dwellSeconds: 10 },
    { layout: 'street-wall', scope: 'street:450103001', dwellSeconds: 20 },
    { layout: 'leader-wall', scope: 'street:450103002', dwellSeconds: 30 },
  ],
};

describe('PlaylistPlayer', () => {
  let shown: { layout: string; scope: string | undefined }[];
  let failing: Set<string>;
  let book: ReturnType<typeof signal<AlertBook>>;
  let player: PlaylistPlayer;
  let commands: WallCommands;
  const loaderState = signal<{ status: string }>({ status: 'ready' });

  /** Lets the fake answers and the timers due by then run (the player wakes a few ms after an entry's end). */
  const pass = (seconds: number) => jest.advanceTimersByTimeAsync(seconds * 1000 + 50);
  const last = () => shown.at(-1);

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 1, 2, 0, 0) });
    shown = [];
    failing = new Set();
    loaderState.set({ status: 'ready' });
    book = signal<AlertBook>(EMPTY_BOOK);
    const loader = {
      state: loaderState,
      show: async (layout: string, scope?: string) => {
        if (failing.has(`${layout} ${scope ?? ''}`)) throw new ApiRequestError(`/api/v1/dashboards/${layout}`, 404, 'no dashboard');
        shown.push({ layout, scope });
        return true;
      },
      prefetch: () => undefined,
      load: () => shown.push({ layout: 'default', scope: undefined }),
    };
    const api = {
      get: async (path: string) => {
        if (path === '/api/v1/playlists/tour') return TOUR;
        throw new ApiRequestError(path, 404, 'no playlist');
      },
    };
    TestBed.configureTestingModule({
      providers: [
        PlaylistPlayer,
        { provide: ErrorHandler, useValue: { handleError: () => undefined } },
        { provide: WallLoader, useValue: loader },
        { provide: ApiClient, useValue: api },
        { provide: PlaylistAlerts, useValue: { book, start: () => undefined } },
        { provide: WALL_PARAMS, useValue: parseWallParams('?playlist=tour') },
      ],
    });
    player = TestBed.inject(PlaylistPlayer);
    commands = TestBed.inject(WallCommands);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('plays the address’s playlist: each entry for its dwell, going round', async () => {
    expect(player.boot()).toBe(true);
    await pass(0);
    expect(last()).toEqual({ layout: 'leader-wall', scope: undefined });
    await pass(10);
    expect(last()).toEqual({ layout: 'street-wall', scope: 'street:450103001' });
    await pass(20);
    expect(last()).toEqual({ layout: 'leader-wall', scope: 'street:450103002' });
    await pass(30);
    expect(player.status()).toMatchObject({ playlist: 'tour', index: 0, count: 3, paused: null });
  });

  it('goes on at the entry a soft reload noted, once', async () => {
    window.sessionStorage.setItem('gc.wall.resume', JSON.stringify({ playlist: 'tour', index: 2 }));
    player.boot();
    await pass(0);
    expect(last()).toEqual({ layout: 'leader-wall', scope: 'street:450103002' });
    player.stop();
    player.boot();
    await pass(0);
    expect(last()).toEqual({ layout: 'leader-wall', scope: undefined });
  });

  it('holds on a pause command and goes on with the time that was left on resume', async () => {
    player.boot();
    await pass(4);
    expect(commands.dispatch({ kind: 'pause' })).toBe(true);
    await pass(60);
    expect(shown).toHaveLength(1);
    expect(player.status()).toMatchObject({ paused: 'command', secondsToNext: 6 });
    commands.dispatch({ kind: 'resume' });
    await pass(5);
    expect(shown).toHaveLength(1);
    await pass(1);
    expect(last()?.layout).toBe('street-wall');
  });

  it('says so and skips an entry that cannot be shown', async () => {
    failing.add('street-wall street:450103001');
    player.boot();
    await pass(10);
    expect(last()).toEqual({ layout: 'leader-wall', scope: 'street:450103002' });
    expect(player.notices()).toEqual([expect.objectContaining({ key: 'playlist.entrySkipped', params: { position: 2, layout: 'street-wall' }, status: 404 })]);
  });

  it('shows the default wall and says so when the playlist cannot be loaded', async () => {
    loaderState.set({ status: 'loading' });
    commands.dispatch({ kind: 'playlist', name: 'gone' });
    await pass(0);
    expect(last()?.layout).toBe('default');
    expect(player.notices()).toEqual([expect.objectContaining({ key: 'playlist.loadFailed', params: { name: 'gone' }, status: 404 })]);
  });

  it('stops for an unanswered critical alert on its place and resumes the entry once it is acknowledged', async () => {
    player.boot();
    await pass(3);
    const alert: Alert = alertFixture({ severity: 'critical', state: 'open', scope: 'grid:450103005001002' });
    book.update((current) => applyAlert(current, alert));
    TestBed.flushEffects();
    await pass(0);
    expect(last()).toEqual({ layout: 'leader-wall', scope: 'community:450103005001' });
    expect(player.status()).toMatchObject({ paused: 'critical', criticalAlertId: alert.id, index: 0 });
    await pass(60);
    expect(shown).toHaveLength(2);
    book.update((current) => applyAlert(current, { ...alert, state: 'acknowledged', version: alert.version + 1 }));
    TestBed.flushEffects();
    await pass(0);
    expect(last()).toEqual({ layout: 'leader-wall', scope: undefined });
    expect(player.status().paused).toBeNull();
    // What was left of the first entry's 10 s when the alert came after 3.
    expect((player.rotation()?.dueAtMs ?? 0) - Date.now()).toBeGreaterThan(6500);
    expect((player.rotation()?.dueAtMs ?? 0) - Date.now()).toBeLessThanOrEqual(7000);
  });

  it('leaves the playlist for a show command', async () => {
    player.boot();
    await pass(0);
    commands.dispatch({ kind: 'show', layout: 'street-wall', scope: 'street:450103004' });
    await pass(60);
    expect(last()).toEqual({ layout: 'street-wall', scope: 'street:450103004' });
    expect(player.status().playlist).toBeNull();
    expect(shown).toHaveLength(2);
    expect(window.location.search).toBe('?wall=street-wall&scope=street%3A450103004');
  });
});
