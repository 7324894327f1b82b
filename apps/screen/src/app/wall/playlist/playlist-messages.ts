import type { Lang } from '../../shared/config/wall-params';
import type { MessageParams } from '../../shared/i18n/messages';

/** The texts of the playlist player, kept with it rather than in the shared catalogue other parts edit. */
const ZH = {
  'playlist.position': '轮播 {position}/{count}',
  'playlist.nextIn': '{seconds} 秒后切换',
  'playlist.paused': '已暂停',
  'playlist.critical.heading': '特急事件',
  'playlist.critical.hold': '轮播已暂停，确认或关闭后继续（最长 {seconds} 秒）',
  'playlist.loadFailed': '播放列表“{name}”无法加载（{reason}），先显示默认大屏，稍后自动重试',
  'playlist.badName': '播放列表名称“{name}”无效：只能包含小写字母、数字和连字符',
  'playlist.entrySkipped': '轮播第 {position} 项（{layout}）无法显示（{reason}），已跳过',
  'playlist.noneUsable': '播放列表“{name}”的每一项都无法显示，稍后自动重试',
  'playlist.reason.missing': '不存在',
  'playlist.reason.forbidden': '无权查看',
  'playlist.reason.unreachable': '服务器无法连接',
  'playlist.reason.invalid': '文件有误，请管理员修正',
  'playlist.reason.other': '出错：{detail}',
};
export type PlaylistMessageKey = keyof typeof ZH;

const EN: Readonly<Record<PlaylistMessageKey, string>> = {
  'playlist.position': 'Tour {position}/{count}',
  'playlist.nextIn': 'next in {seconds} s',
  'playlist.paused': 'Paused',
  'playlist.critical.heading': 'Critical alert',
  'playlist.critical.hold': 'Tour paused until acknowledged or closed (at most {seconds} s)',
  'playlist.loadFailed': 'Playlist "{name}" could not be loaded ({reason}); showing the default wall, retrying shortly',
  'playlist.badName': 'Playlist name "{name}" is invalid: lower-case letters, digits and dashes only',
  'playlist.entrySkipped': 'Tour entry {position} ({layout}) could not be shown ({reason}) and was skipped',
  'playlist.noneUsable': 'No entry of playlist "{name}" can be shown; retrying shortly',
  'playlist.reason.missing': 'not found',
  'playlist.reason.forbidden': 'not permitted',
  'playlist.reason.unreachable': 'server unreachable',
  'playlist.reason.invalid': 'the file is invalid; an administrator must fix it',
  'playlist.reason.other': 'error: {detail}',
};

const CATALOGS: Readonly<Record<Lang, Readonly<Record<PlaylistMessageKey, string>>>> = { zh: ZH, en: EN };

export function playlistText(lang: Lang, key: PlaylistMessageKey, params: MessageParams = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function playlistPlaceholdersOf(lang: Lang, key: PlaylistMessageKey): string[] {
  return [...CATALOGS[lang][key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export const PLAYLIST_MESSAGE_KEYS = Object.keys(ZH) as PlaylistMessageKey[];

/** Why a playlist or an entry could not be loaded, in words a wall's viewer reads (no status codes). */
export function failureReason(status: number | null | undefined, detail: string, lang: Lang): string {
  if (status === null) return playlistText(lang, 'playlist.reason.unreachable');
  if (status === 404) return playlistText(lang, 'playlist.reason.missing');
  if (status === 403) return playlistText(lang, 'playlist.reason.forbidden');
  if (status !== undefined && status >= 500) return playlistText(lang, 'playlist.reason.invalid');
  return playlistText(lang, 'playlist.reason.other', { detail });
}
