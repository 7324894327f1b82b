import type { Lang } from '../../shared/config/wall-params';

/** The console's replay control, in both languages. */
const MESSAGES = {
  zh: { title: '回放大屏', when: '回放时刻', speed: '倍速', open: '回放' },
  en: { title: 'Replay the wall', when: 'From', speed: 'Speed', open: 'Replay' },
} as const;

export function consoleReplayText(lang: Lang, key: keyof (typeof MESSAGES)['zh']): string {
  return MESSAGES[lang][key];
}
