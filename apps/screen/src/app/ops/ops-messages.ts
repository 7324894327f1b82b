import type { Lang } from '../shared/config/wall-params';
import type { MessageParams } from '../shared/i18n/messages';

/**
 * The texts of /ops only. They live with the page, not in shared/i18n/messages.ts, so they load with its chunk and
 * the wall's initial bundle (kept under its 1.5 MB budget) does not carry them.
 */
const ZH = {
  'ops.title': '运维 · 管道健康',
  'ops.forbidden': '需要运维或管理员权限：当前登录的用户不能查看管道健康',
  'ops.live': '实时 · 每 2 秒更新',
  'ops.stale': '数据已过期 · 最后一次成功更新 {time}',
  'ops.loading': '正在加载…',
  'ops.failed': '更新失败：{message}',
  'ops.paused': '页面在后台，已暂停更新',
  'ops.accepted': '受理/秒',
  'ops.stored': '入库/秒',
  'ops.last10s': '近10秒',
  'ops.last60s': '近1分钟 {value}',
  'ops.oldestWait': '最久等待',
  'ops.queue': '队列',
  'ops.queueDetail': '活动 {active} · 重试 {delayed} · 失败 {failed}',
  'ops.deadLetters': '死信',
  'ops.stores': '存储',
  'ops.up': '正常',
  'ops.down': '故障',
  'ops.seconds': '{value} 秒',
  'ops.headroom': '余量',
  'ops.headroomText': '当前 {rate} 件/秒，占实测容量 {capacity} 件/秒的 {percent}%',
  'ops.over': '已超出实测容量',
  'ops.capacitySource': '{source} · {batch} 条/请求 · 测于 {time}（仅受理 {accepted} 件/秒）',
  'ops.noCapacity': '无实测容量：{reason}',
  'ops.trend': '近5分钟趋势（10秒均值）',
  'ops.screens': '在线屏幕',
  'ops.screenName': '名称',
  'ops.screenKind': '类型',
  'ops.screenScopes': '范围',
  'ops.connectedAt': '连接时间',
  'ops.lastPush': '最近推送',
  'ops.freshness': '新鲜度',
  'ops.notPushed': '未推送',
  'ops.alertsOnly': '仅告警',
  'ops.staleScreen': '超过 {seconds} 秒未推送',
  'ops.noScreens': '当前没有屏幕连接',
  'ops.kind.user': '用户',
  'ops.kind.display_token': '大屏',
  'ops.kind.ingest_key': '上报密钥',
  'ops.deadLetterTable': '死信（无法入库的上报）',
  'ops.noDeadLetters': '没有死信',
  'ops.deadLettersUnavailable': '死信列表暂不可用：{message}',
  'ops.place': '位置',
  'ops.unknownGrid': '未知网格',
  'ops.noGridCode': '无可读的网格编码',
  'ops.reason': '原因',
  'ops.parkedAt': '停放时间',
  'ops.replays': '重放次数',
  'ops.replay': '重放',
  'ops.edit': '修改后重放',
  'ops.replayEdited': '校验并重放',
  'ops.cancel': '取消',
  'ops.replayed': '已重放：{id} 已入库',
  'ops.notJson': '不是有效的 JSON：{message}',
  'ops.replayFailed': '重放失败：{message}',
} as const satisfies Record<string, string>;

export type OpsMessageKey = keyof typeof ZH;

const EN: Readonly<Record<OpsMessageKey, string>> = {
  'ops.title': 'Operations · pipeline health',
  'ops.forbidden': 'Needs the operator or admin role: the user logged in cannot see the pipeline',
  'ops.live': 'Live · updated every 2 s',
  'ops.stale': 'Stale · last good update {time}',
  'ops.loading': 'Loading…',
  'ops.failed': 'Update failed: {message}',
  'ops.paused': 'Tab in the background: updates paused',
  'ops.accepted': 'Accepted/s',
  'ops.stored': 'Stored/s',
  'ops.last10s': 'last 10 s',
  'ops.last60s': 'last minute {value}',
  'ops.oldestWait': 'Oldest wait',
  'ops.queue': 'Queue',
  'ops.queueDetail': 'active {active} · retrying {delayed} · failed {failed}',
  'ops.deadLetters': 'Dead letters',
  'ops.stores': 'Stores',
  'ops.up': 'up',
  'ops.down': 'down',
  'ops.seconds': '{value} s',
  'ops.headroom': 'Headroom',
  'ops.headroomText': '{rate} reports/s now, {percent}% of the measured {capacity} reports/s',
  'ops.over': 'over the measured capacity',
  'ops.capacitySource': '{source} · {batch} per request · measured {time} (intake alone {accepted}/s)',
  'ops.noCapacity': 'No measured capacity: {reason}',
  'ops.trend': 'Last 5 minutes (10-second means)',
  'ops.screens': 'Connected screens',
  'ops.screenName': 'Name',
  'ops.screenKind': 'Kind',
  'ops.screenScopes': 'Scopes',
  'ops.connectedAt': 'Connected',
  'ops.lastPush': 'Last push',
  'ops.freshness': 'Freshness',
  'ops.notPushed': 'not yet',
  'ops.alertsOnly': 'alerts only',
  'ops.staleScreen': 'not pushed to for over {seconds} s',
  'ops.noScreens': 'No screen is connected',
  'ops.kind.user': 'user',
  'ops.kind.display_token': 'wall',
  'ops.kind.ingest_key': 'ingest key',
  'ops.deadLetterTable': 'Dead letters (reports that could not be stored)',
  'ops.noDeadLetters': 'No dead letters',
  'ops.deadLettersUnavailable': 'Dead letters unavailable: {message}',
  'ops.place': 'Place',
  'ops.unknownGrid': 'unknown grid',
  'ops.noGridCode': 'no readable grid code',
  'ops.reason': 'Reason',
  'ops.parkedAt': 'Parked',
  'ops.replays': 'Replays',
  'ops.replay': 'Replay',
  'ops.edit': 'Edit, then replay',
  'ops.replayEdited': 'Check and replay',
  'ops.cancel': 'Cancel',
  'ops.replayed': 'Replayed: {id} stored',
  'ops.notJson': 'Not valid JSON: {message}',
  'ops.replayFailed': 'Replay failed: {message}',
};

const CATALOGS: Readonly<Record<Lang, Readonly<Record<OpsMessageKey, string>>>> = { zh: ZH, en: EN };

/** The text in `lang` with its `{name}` parameters filled in, as `translate` does for the shared texts. */
export function opsText(lang: Lang, key: OpsMessageKey, params: MessageParams = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** The parameter names a text expects, for checking that the translations agree. */
export function opsPlaceholdersOf(lang: Lang, key: OpsMessageKey): string[] {
  return [...CATALOGS[lang][key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export const OPS_MESSAGE_KEYS = Object.keys(ZH) as OpsMessageKey[];
