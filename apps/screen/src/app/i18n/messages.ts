import type { Lang } from '../config/wall-params';

/** Every text the wall shows outside the data itself. `{name}` marks a parameter. */
const ZH = {
  'wall.loading': '正在加载大屏布局…',
  'wall.loadFailed': '大屏布局加载失败',
  'wall.retryIn': '{seconds} 秒后自动重试',
  'wall.retryNow': '立即重试',
  'wall.switchLang': 'EN',
  'kpi.reported': '今日受理量',
  'kpi.lastHour': '近1小时',
  'kpi.activeGrids': '活跃网格',
  'kpi.peakPerMinute': '峰值/分钟',
  'kpi.unit.reports': '件',
  'kpi.unit.perMinute': '件/分',
  'panel.trend': '近60分钟受理趋势',
  'panel.categoryMix': '今日事件类型分布',
  'panel.ranking.street': '今日街道受理排名',
  'panel.ranking.community': '今日社区受理排名',
  'panel.ranking.grid': '今日网格受理排名',
  'panel.map': '网格热力 · 近1小时',
  'chart.reportsPerMinute': '件/分钟',
  'chart.reports': '受理量',
  'chart.currentMinute': '本分钟(统计中)',
  'chart.noReportsToday': '今日暂无受理',
  'chart.totalToday': '今日合计',
  'map.high': '多',
  'map.low': '少',
  'map.loading': '正在加载地图…',
  'map.failed': '地图加载失败，正在重试',
  'map.tooltip': '{name}：近1小时 {count} 件',
  'freshness.connecting': '正在连接…',
  'freshness.live': '实时',
  'freshness.justNow': '刚刚更新',
  'freshness.updatedAgo': '{age}前更新',
  'freshness.delayed': '数据已延迟 {age}',
  'freshness.disconnected': '连接中断',
  'freshness.rejected': '订阅被拒绝',
  'freshness.noData': '尚无数据',
  'freshness.asOf': '数据时间 {time}',
  'age.seconds': '{s} 秒',
  'age.minutes': '{m} 分 {s} 秒',
  'age.hours': '{h} 小时 {m} 分',
  'age.days': '{d} 天 {h} 小时',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof ZH;

const EN: Readonly<Record<MessageKey, string>> = {
  'wall.loading': 'Loading the wall layout…',
  'wall.loadFailed': 'The wall layout could not be loaded',
  'wall.retryIn': 'Retrying in {seconds} s',
  'wall.retryNow': 'Retry now',
  'wall.switchLang': '中文',
  'kpi.reported': 'Reported today',
  'kpi.lastHour': 'Last hour',
  'kpi.activeGrids': 'Active grids',
  'kpi.peakPerMinute': 'Peak per minute',
  'kpi.unit.reports': '',
  'kpi.unit.perMinute': '/min',
  'panel.trend': 'Reports per minute, last 60 min',
  'panel.categoryMix': 'Today by category',
  'panel.ranking.street': 'Streets by reports today',
  'panel.ranking.community': 'Communities by reports today',
  'panel.ranking.grid': 'Grids by reports today',
  'panel.map': 'Grid heat, last hour',
  'chart.reportsPerMinute': 'reports/min',
  'chart.reports': 'Reports',
  'chart.currentMinute': 'This minute (so far)',
  'chart.noReportsToday': 'No reports yet today',
  'chart.totalToday': 'Total today',
  'map.high': 'High',
  'map.low': 'Low',
  'map.loading': 'Loading the map…',
  'map.failed': 'The map could not be loaded, retrying',
  'map.tooltip': '{name}: {count} in the last hour',
  'freshness.connecting': 'Connecting…',
  'freshness.live': 'Live',
  'freshness.justNow': 'updated just now',
  'freshness.updatedAgo': 'updated {age} ago',
  'freshness.delayed': 'Data delayed {age}',
  'freshness.disconnected': 'Disconnected',
  'freshness.rejected': 'Subscription refused',
  'freshness.noData': 'No data yet',
  'freshness.asOf': 'Data as of {time}',
  'age.seconds': '{s} s',
  'age.minutes': '{m} min {s} s',
  'age.hours': '{h} h {m} min',
  'age.days': '{d} d {h} h',
};

const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh: ZH, en: EN };

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message in `lang` with its `{name}` parameters filled in; a missing parameter stays visible as `{name}`. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** The parameter names a message expects, for checking that translations agree. */
export function placeholdersOf(lang: Lang, key: MessageKey): string[] {
  return [...CATALOGS[lang][key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export const MESSAGE_KEYS = Object.keys(ZH) as MessageKey[];
