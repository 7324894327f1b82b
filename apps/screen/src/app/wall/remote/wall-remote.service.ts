import { DOCUMENT, DestroyRef, ErrorHandler, Injectable, inject, type Signal } from '@angular/core';
import { describeIssues, wallCommandSchema, type Snapshot, type WallHealPolicy, type WallHealth, type WallHealthAck, type WallReloadReason } from '@grid-command/contracts';
import type { ConnectionState } from '../../shared/freshness/freshness';
import type { LiveSocket } from '../../shared/data/scoped-live-link';
import { LiveSnapshotService } from '../data/live-snapshot.service';
import { WallLoader } from '../data/wall-loader.service';
import { PlaylistPlayer } from '../playlist/playlist-player.service';
import { FrameRateMeter } from './frame-rate-meter';
import { noteReload, readReloads, type PlaylistResume } from './reload-memory';
import { judgeWall, keepRecent, shouldReloadNow, type HealthSample } from './self-heal';
import { WallCommands } from './wall-commands.service';
import { wallIdOf, wallLabelOf } from './wall-identity';

/** How often the wall reports; the server's fleet list counts a wall stale after two and a half of these. */
const REPORT_EVERY_MS = 10_000;
const ACK_TIMEOUT_MS = 5_000;

/** What the wall's live link tells the report: its state and the figures on screen. */
interface WallFeed {
  readonly connection: Signal<ConnectionState>;
  readonly snapshot: Signal<Snapshot | null>;
}

/**
 * The wall as a member of the fleet, on its one live socket: every ~10 s (and at every (re)connection) it reports its
 * health, which also puts the socket in the wall's own room; commands from `/ops` and the console arrive there and go
 * to `WallCommands` (this handles `reload`, the playlist player the rest). With the server's bounds from the report's
 * answer it watches its own heap and frame rate and reloads itself — in the quiet hours, or at once when the heap is
 * past the hard bound — noting why, so the next report says so. A replaying wall (`?at=`) has no live socket, so it
 * neither reports nor takes commands.
 */
@Injectable()
export class WallRemote {
  private readonly document = inject(DOCUMENT);
  private readonly errors = inject(ErrorHandler);
  private readonly loader = inject(WallLoader);
  private readonly player = inject(PlaylistPlayer);
  private readonly commands = inject(WallCommands);
  private readonly window = this.document.defaultView;
  private readonly wallId = wallIdOf(storageOf(this.window, 'localStorage'), () => crypto.randomUUID());
  private readonly meter = this.window === null ? null : new FrameRateMeter(this.window);
  private socket: LiveSocket | null = null;
  private feed: WallFeed | null = null;
  private policy: WallHealPolicy | null = null;
  private samples: HealthSample[] = [];
  private reloading = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.meter?.start();
    this.timer = setInterval(() => this.report(), REPORT_EVERY_MS);
    const unregister = this.commands.on('reload', () => this.reload('remote'));
    const live = inject(LiveSnapshotService);
    if (live instanceof LiveSnapshotService) {
      this.feed = { connection: live.connection, snapshot: live.snapshot };
      live.carry((socket) => this.attach(socket));
    }
    inject(DestroyRef).onDestroy(() => {
      clearInterval(this.timer);
      this.meter?.stop();
      unregister();
    });
  }

  /** The live link's socket, as it is made: commands arrive on it, reports leave on it. */
  private attach(socket: LiveSocket): void {
    this.socket = socket;
    socket.on('connect', () => this.report());
    socket.on('wallCommand', (raw: unknown) => {
      const parsed = wallCommandSchema.safeParse(raw);
      if (!parsed.success) {
        this.errors.handleError(new Error(`wall command dropped: ${describeIssues(parsed.error).slice(0, 3).join('; ')}`));
        return;
      }
      if (!this.commands.dispatch(parsed.data)) this.errors.handleError(new Error(`no one on this wall handles ${parsed.data.kind}`));
    });
  }

  private report(): void {
    const socket = this.socket;
    const health = this.health();
    if (health === null) return;
    const sample: HealthSample = { atMs: Date.now(), heapMb: health.heapUsedMb, fps: health.framesPerSecond };
    this.samples = keepRecent([...this.samples, sample], sample.atMs);
    if (socket?.connected) {
      socket.timeout(ACK_TIMEOUT_MS).emit('reportWallHealth', health, (timeout: Error | null, ack?: WallHealthAck) => {
        if (timeout === null && ack?.ok === true) this.policy = ack.policy;
        else if (ack?.ok === false) this.errors.handleError(new Error(`health report refused: ${ack.error}: ${ack.message}`));
      });
    }
    // Bounds known from an earlier answer still hold while the link is down: a sick page heals without the server.
    if (this.policy === null) return;
    const verdict = judgeWall(this.samples, this.policy);
    if (verdict.kind === 'healthy') return;
    const reloads = readReloads(storageOf(this.window, 'sessionStorage'));
    const lastSelfHeal = reloads.lastReason !== null && reloads.lastReason !== 'remote' && reloads.lastAt !== null ? Date.parse(reloads.lastAt) : null;
    if (shouldReloadNow(verdict, sample.atMs, this.policy, lastSelfHeal)) this.reload(verdict.reason);
  }

  private health(): WallHealth | null {
    const state = this.loader.state();
    if (state.status !== 'ready' || this.window === null) return null;
    const snapshot = this.feed?.snapshot() ?? null;
    const status = this.player.status();
    const memory = (this.window.performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      wallId: this.wallId,
      label: wallLabelOf(this.document.location.search),
      layout: state.dashboard.name,
      revision: state.dashboard.revision,
      scope: state.scope.scope,
      playlist:
        status.playlist !== null && status.index !== null && status.count > 0
          ? { name: status.playlist, position: status.index, length: status.count, paused: status.paused === 'command' }
          : null,
      heapUsedMb: memory === undefined ? null : Math.round((memory.usedJSHeapSize / 1_048_576) * 10) / 10,
      framesPerSecond: this.meter?.take() ?? null,
      socket: this.feed?.connection() ?? 'connecting',
      dataAgeSeconds: snapshot === null ? null : Math.max(0, Math.round((Date.now() - Date.parse(snapshot.asOf)) / 100) / 10),
      // A replaying wall (`?at=`) opens no live socket (wall-data-providers.ts), so a wall that reports is live.
      mode: 'live',
      uptimeSeconds: Math.round(this.window.performance.now() / 1000),
      reloads: readReloads(storageOf(this.window, 'sessionStorage')),
    };
  }

  /** A soft reload: the address keeps layout and scope, the session note keeps the playlist's place and the reason. */
  private reload(reason: WallReloadReason): void {
    if (this.reloading || this.window === null) return;
    this.reloading = true;
    const status = this.player.status();
    const resume: PlaylistResume | null = status.playlist !== null && status.index !== null ? { playlist: status.playlist, index: status.index } : null;
    noteReload(storageOf(this.window, 'sessionStorage'), reason, new Date(), resume);
    this.window.location.reload();
  }
}

function storageOf(window: Window | null, kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window?.[kind] ?? null;
  } catch {
    return null;
  }
}
