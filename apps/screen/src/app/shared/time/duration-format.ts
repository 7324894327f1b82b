import type { Lang } from '../config/wall-params';
import { translate } from '../i18n/messages';

/** How long ago, in the two largest units a person reads at a glance: `45 秒`, `12 分 5 秒`, `3 小时 12 分`. */
export function formatDuration(totalSeconds: number, lang: Lang): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const s = seconds % 60;
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600) % 24;
  const d = Math.floor(seconds / 86_400);
  if (seconds < 60) return translate(lang, 'age.seconds', { s });
  if (seconds < 3600) return translate(lang, 'age.minutes', { m, s });
  if (seconds < 86_400) return translate(lang, 'age.hours', { h, m });
  return translate(lang, 'age.days', { d, h });
}
