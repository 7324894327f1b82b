import type { FleetWall, WallCommand } from '@grid-command/contracts';
import type { Lang } from '../config/wall-params';
import { wallsText } from './walls-messages';

/** One wall of the list as the operator reads it: names and units, no codes but the revision's short hash. */
export interface WallRow {
  readonly id: string;
  readonly label: string;
  /** Who the wall runs as, under its label when it has one. */
  readonly owner: string | null;
  readonly layout: string;
  readonly revision: string | null;
  readonly scopeName: string;
  readonly scope: string;
  readonly playlist: string;
  readonly paused: boolean;
  readonly link: string;
  readonly linkLive: boolean;
  readonly dataAge: string;
  readonly heap: string;
  readonly fps: string;
  readonly uptime: string;
  readonly reloads: string;
  readonly stale: string | null;
  readonly playing: boolean;
}

export function wallRowOf(wall: FleetWall, lang: Lang, staleAfterSeconds: number): WallRow {
  const { health } = wall;
  const t = (key: Parameters<typeof wallsText>[1], params?: Parameters<typeof wallsText>[2]) => wallsText(lang, key, params);
  const playlist = health.playlist;
  return {
    id: health.wallId,
    label: health.label ?? wall.owner,
    owner: health.label === null ? null : wall.owner,
    layout: health.layout,
    revision: health.revision === null ? null : health.revision.slice(0, 8),
    scopeName: wall.scope.name,
    scope: wall.scope.scope,
    playlist: playlist === null ? t('walls.noPlaylist') : t('walls.playlistAt', { name: playlist.name, position: playlist.position + 1, length: playlist.length }),
    paused: playlist?.paused ?? false,
    playing: playlist !== null,
    link: t(`walls.link.${health.socket}`),
    linkLive: health.socket === 'live',
    dataAge: health.dataAgeSeconds === null ? t('walls.unknown') : duration(health.dataAgeSeconds, lang),
    heap: health.heapUsedMb === null ? t('walls.unknown') : t('walls.mb', { value: health.heapUsedMb.toFixed(0) }),
    fps: health.framesPerSecond === null ? t('walls.unknown') : health.framesPerSecond.toFixed(0),
    uptime: duration(health.uptimeSeconds, lang),
    reloads:
      health.reloads.count === 0 || health.reloads.lastReason === null
        ? String(health.reloads.count)
        : t('walls.reloadCount', { count: health.reloads.count, reason: t(`walls.reason.${health.reloads.lastReason}`) }),
    stale: wall.stale ? t('walls.stale', { seconds: Math.round(staleAfterSeconds) }) : null,
  };
}

/** `42 秒`, `12 分钟`, `3.5 小时`: the largest unit that keeps the figure readable. */
export function duration(seconds: number, lang: Lang): string {
  if (seconds < 120) return wallsText(lang, 'walls.seconds', { value: Math.round(seconds) });
  if (seconds < 2 * 3600) return wallsText(lang, 'walls.minutes', { value: Math.round(seconds / 60) });
  return wallsText(lang, 'walls.hours', { value: (seconds / 3600).toFixed(1) });
}

/** What a command did, for the notice after it was sent. */
export function commandText(command: WallCommand, lang: Lang): string {
  switch (command.kind) {
    case 'show':
      return wallsText(lang, 'walls.command.show', { layout: command.layout });
    case 'playlist':
      return wallsText(lang, 'walls.command.playlist', { name: command.name });
    default:
      return wallsText(lang, `walls.command.${command.kind}`);
  }
}
