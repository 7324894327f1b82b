import { ALERT_SEVERITIES, type Alert } from '@grid-command/contracts';

/** One line of the console: an alert on its own, or a storm of open alerts sharing a group key. */
export type AlertLine =
  | { readonly kind: 'alert'; readonly alert: Alert }
  | {
      readonly kind: 'storm';
      readonly groupKey: string;
      /** Most urgent first, as `orderAlerts` puts them. */
      readonly alerts: readonly Alert[];
      readonly severity: Alert['severity'];
      readonly oldestOpenedAt: string;
      readonly latestUpdatedAt: string;
    };

const severityRank = (alert: Alert): number => ALERT_SEVERITIES.indexOf(alert.severity);

/** Most severe first; within a severity, loud before quiet, then the oldest first (it has waited longest). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    severityRank(a) - severityRank(b) ||
    Number(b.loud) - Number(a.loud) ||
    Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
    a.id.localeCompare(b.id)
  );
}

export function orderAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareAlerts);
}

/**
 * Folds every group of at least `stormThreshold` not-yet-acknowledged alerts into one storm line, so fifty overdue
 * tickets in one street read as one line (and one sound), not fifty. Acknowledged and later alerts stay on their own
 * lines: someone is on them. Lines are ordered like their most urgent alert.
 */
export function groupStorms(alerts: readonly Alert[], stormThreshold: number): AlertLine[] {
  const ordered = orderAlerts(alerts);
  const openByGroup = new Map<string, Alert[]>();
  for (const alert of ordered) {
    if (alert.state !== 'open') continue;
    const group = openByGroup.get(alert.groupKey) ?? [];
    group.push(alert);
    openByGroup.set(alert.groupKey, group);
  }
  const lines: AlertLine[] = [];
  const emitted = new Set<string>();
  for (const alert of ordered) {
    const group = alert.state === 'open' ? openByGroup.get(alert.groupKey) : undefined;
    if (!group || group.length < stormThreshold) {
      lines.push({ kind: 'alert', alert });
      continue;
    }
    if (emitted.has(alert.groupKey)) continue;
    emitted.add(alert.groupKey);
    lines.push({
      kind: 'storm',
      groupKey: alert.groupKey,
      alerts: group,
      severity: alert.severity,
      oldestOpenedAt: group.map((member) => member.openedAt).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)),
      latestUpdatedAt: group.map((member) => member.updatedAt).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)),
    });
  }
  return lines;
}

/** Whether a new alert joins a storm already on screen: the console then stays quiet instead of sounding again. */
export function joinsStorm(alert: Alert, openAlerts: readonly Alert[], stormThreshold: number): boolean {
  const others = openAlerts.filter((other) => other.id !== alert.id && other.state === 'open' && other.groupKey === alert.groupKey);
  return others.length + 1 > stormThreshold;
}
