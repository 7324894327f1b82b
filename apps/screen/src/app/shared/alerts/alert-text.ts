import {
  ALERT_ACTION_LABELS,
  ALERT_SEVERITY_LABELS,
  ALERT_STATE_LABELS,
  CATEGORY_LABELS,
  type Alert,
  type AlertActionRecord,
  type AlertChange,
  type AlertRulesFile,
} from '@grid-command/contracts';
import type { AlertLine } from '@grid-command/domain';
import type { Lang } from '../config/wall-params';
import { translate } from '../i18n/messages';
import { formatDuration } from '../time/duration-format';

/** Names of scopes the screen knows (the scope, its ancestors, its children); others are shown by their id. */
export type ScopeNames = ReadonlyMap<string, string>;

export interface Countdown {
  /** `剩 1 分 20 秒`, or `超时 3 分 5 秒` once passed. */
  readonly text: string;
  readonly overdue: boolean;
}

/** Time left until `dueAtMs`, or how far past it: a deadline reached this very second counts as passed. */
export function countdown(dueAtMs: number, nowMs: number, lang: Lang): Countdown {
  const seconds = (dueAtMs - nowMs) / 1000;
  if (seconds > 0) return { text: translate(lang, 'alert.left', { time: formatDuration(Math.ceil(seconds), lang) }), overdue: false };
  return { text: translate(lang, 'alert.over', { time: formatDuration(-seconds, lang) }), overdue: true };
}

export function ageText(openedAt: string, nowMs: number, lang: Lang): string {
  return translate(lang, 'alert.age', { age: formatDuration((nowMs - Date.parse(openedAt)) / 1000, lang) });
}

/** How long the alert has been open; a closed one stops counting when it closed. */
export function alertAge(alert: Pick<Alert, 'openedAt' | 'closedAt'>, nowMs: number, lang: Lang): string {
  return ageText(alert.openedAt, alert.closedAt === null ? nowMs : Math.min(nowMs, Date.parse(alert.closedAt)), lang);
}

/** The rule's name from the rules file, or the alert's own title until the rules are loaded (or for a retired rule). */
export function ruleName(alert: Alert, rules: AlertRulesFile | null, lang: Lang): string {
  const rule = rules?.rules.find((candidate) => candidate.id === alert.ruleId);
  return (rule?.name ?? alert.title)[lang];
}

export function scopeName(scope: string, names: ScopeNames): string {
  return names.get(scope) ?? scope;
}

/** 待确认 · 已确认 · 张三 · 已派遣 · 城管执法局 处置 · 待报到 …: who is on it, in a few words. */
export function stateText(alert: Alert, lang: Lang): string {
  const label = ALERT_STATE_LABELS[alert.state][lang];
  switch (alert.state) {
    case 'open':
    case 'closed':
      return label;
    case 'acknowledged':
      return alert.acknowledgedBy === null ? label : `${label} · ${alert.acknowledgedBy}`;
    case 'dispatched': {
      const parts = [label];
      if (alert.department !== null) parts.push(translate(lang, 'alert.dispatchedTo', { department: alert.department }));
      parts.push(translate(lang, alert.reportedInAt === null ? 'alert.awaitingReportIn' : 'alert.reportedIn'));
      return parts.join(' · ');
    }
  }
}

/** `吹哨 ×2 → 青秀区`; null for an alert never escalated. */
export function escalationText(alert: Alert, names: ScopeNames, lang: Lang): string | null {
  if (alert.escalations === 0) return null;
  const target = alert.escalatedTo === null ? '—' : scopeName(alert.escalatedTo, names);
  return translate(lang, 'alert.escalated', { count: alert.escalations, scope: target });
}

export interface AlertTimer {
  readonly label: string;
  readonly countdown: Countdown;
  readonly kind: 'acknowledge' | 'report_in' | 'sla';
}

/** The response the alert waits for (确认 / 报到 bound) and, for SLA alerts, the ticket's own deadline. */
export function alertTimers(alert: Alert, nowMs: number, lang: Lang): AlertTimer[] {
  const timers: AlertTimer[] = [];
  if (alert.state !== 'closed' && alert.deadline !== null) {
    const kind = alert.deadline.kind;
    timers.push({ kind, label: translate(lang, `alert.deadline.${kind}`), countdown: countdown(Date.parse(alert.deadline.at), nowMs, lang) });
  }
  if (alert.state !== 'closed' && alert.slaDueAt !== null) {
    timers.push({ kind: 'sla', label: translate(lang, 'alert.sla'), countdown: countdown(Date.parse(alert.slaDueAt), nowMs, lang) });
  }
  return timers;
}

export function severityLabel(alert: Pick<Alert, 'severity'>, lang: Lang): string {
  return ALERT_SEVERITY_LABELS[alert.severity][lang];
}

export function categoryLabel(alert: Alert, lang: Lang): string | null {
  return alert.category === null ? null : CATEGORY_LABELS[alert.category][lang];
}

/** What happened to an alert: an officer's action, or what the platform did by itself. */
export function changeLabel(change: AlertChange, lang: Lang): string {
  switch (change) {
    case 'opened':
    case 'reports_added':
    case 'renotified':
    case 'auto_closed':
      return translate(lang, `alertChange.${change}`);
    default:
      return ALERT_ACTION_LABELS[change][lang];
  }
}

/** One line of the action log: what, who, and the department, the scope escalated to or the note. */
export function actionLogText(record: AlertActionRecord, names: ScopeNames, lang: Lang): string {
  const parts = [changeLabel(record.change, lang), record.by];
  if (record.department !== null) parts.push(record.department);
  if (record.escalatedTo !== null) parts.push(`→ ${scopeName(record.escalatedTo, names)}`);
  if (record.note !== null && record.note !== '') parts.push(record.note);
  return parts.join(' · ');
}

type Storm = Extract<AlertLine, { kind: 'storm' }>;

export interface StormText {
  /** `高危事件 · 告警风暴 ×7` */
  readonly title: string;
  /** `某网格 等 7 处` */
  readonly places: string;
  /** How long the oldest of them has been open. */
  readonly age: string;
  readonly loud: boolean;
}

export function stormText(storm: Storm, rules: AlertRulesFile | null, nowMs: number, lang: Lang): StormText {
  const first = storm.alerts[0];
  const count = storm.alerts.length;
  return {
    title: `${first === undefined ? '' : ruleName(first, rules, lang)} · ${translate(lang, 'alert.storm', { count })}`,
    places: translate(lang, 'alert.stormPlaces', { scope: first?.scopeName ?? '', count }),
    age: ageText(storm.oldestOpenedAt, nowMs, lang),
    loud: storm.alerts.some((alert) => alert.loud),
  };
}

/** One item of the wall's ticker: an alert, or a storm as one item with its count. */
export interface TickerItem {
  readonly key: string;
  readonly severity: Alert['severity'];
  readonly loud: boolean;
  /** The alert ids the item stands for. */
  readonly alertIds: readonly string[];
  readonly text: string;
}

/** The ticker's words for each console line: rule, place, who is on it, for how long, escalations. */
export function tickerItems(lines: readonly AlertLine[], rules: AlertRulesFile | null, names: ScopeNames, nowMs: number, lang: Lang): TickerItem[] {
  return lines.map((line) => {
    if (line.kind === 'storm') {
      const storm = stormText(line, rules, nowMs, lang);
      const parts = [storm.title, storm.places, ALERT_STATE_LABELS.open[lang], storm.age];
      return { key: `storm:${line.groupKey}`, severity: line.severity, loud: storm.loud, alertIds: line.alerts.map((alert) => alert.id), text: parts.join(' · ') };
    }
    const { alert } = line;
    const parts = [ruleName(alert, rules, lang), alert.scopeName, stateText(alert, lang), alertAge(alert, nowMs, lang)];
    const escalation = escalationText(alert, names, lang);
    if (escalation !== null) parts.push(escalation);
    return { key: alert.id, severity: alert.severity, loud: alert.loud, alertIds: [alert.id], text: parts.join(' · ') };
  });
}
