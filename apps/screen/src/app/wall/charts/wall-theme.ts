import type { ReportCategory } from '@grid-command/contracts';

/** Fonts Chinese command-centre PCs actually have, with an open fallback for Linux walls. */
export const WALL_FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/** Colours shared by the CSS (see styles.css custom properties) and the charts; tuned for a dark room. */
export const WALL_COLORS = {
  text: '#dcefff',
  muted: '#8fb3dc',
  faint: 'rgba(143, 179, 220, 0.18)',
  accent: '#22d3ee',
  accentDeep: '#2563eb',
  gold: '#fbbf24',
  orange: '#fb923c',
  red: '#f43f5e',
  panel: '#071a3a',
} as const;

/** One fixed colour per category, so a category keeps its colour when the ranking of categories changes. */
export const CATEGORY_COLORS: Readonly<Record<ReportCategory, string>> = {
  environment_sanitation: '#22d3ee',
  property_management: '#3b82f6',
  noise: '#a78bfa',
  parking: '#f472b6',
  fire_safety: '#f43f5e',
  illegal_construction: '#fb923c',
  dispute: '#fbbf24',
  public_facilities: '#34d399',
  gas_utilities: '#f87171',
  epidemic_prevention: '#2dd4bf',
  elderly_care: '#facc15',
  public_security: '#e879f9',
  other: '#94a3b8',
};

/** Map fill from a quiet grid (deep blue) to a hot one (red). */
export const HEAT_COLORS = ['#0b2b55', '#1565c0', '#22b8e8', '#fde047', '#fb923c', '#ef4444'] as const;

export const CHART_FONT_SIZE = 16;
