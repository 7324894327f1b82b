import type { Lang } from '../../shared/config/wall-params';

/** The replay wall's words, in both languages (kept beside the replay: no other page uses them). */
const MESSAGES = {
  zh: {
    banner: '回放 · 非实时数据',
    status: '回放',
    paused: '已暂停',
    playing: '播放中',
    caughtUp: '已追上当前时间',
    failed: '回放数据获取失败',
    clockLabel: '回放时间',
    play: '播放',
    pause: '暂停',
    speed: '倍速',
    timeline: '回放时间轴',
    leave: '回到实时',
    noAlerts: '回放中不显示告警',
  },
  en: {
    banner: 'REPLAY · not live data',
    status: 'Replay',
    paused: 'paused',
    playing: 'playing',
    caughtUp: 'caught up with now',
    failed: 'replay data failed to load',
    clockLabel: 'Replay time',
    play: 'Play',
    pause: 'Pause',
    speed: 'Speed',
    timeline: 'Replay timeline',
    leave: 'Back to live',
    noAlerts: 'Alerts are not shown in a replay',
  },
} as const;

export type ReplayMessage = keyof (typeof MESSAGES)['zh'];

export function replayText(lang: Lang, key: ReplayMessage): string {
  return MESSAGES[lang][key];
}
