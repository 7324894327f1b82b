import type { Lang } from '../config/wall-params';

const FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};

/** `12,345`: grouped so a figure reads at a distance. */
export function formatCount(value: number, lang: Lang): string {
  return FORMATS[lang].format(value);
}
