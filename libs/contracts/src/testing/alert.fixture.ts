import { alertSchema, type Alert } from '../lib/alert.schema';

const OPENED = '2026-11-23T02:00:00.000Z';

let counter = 0;

/**
 * A critical-report alert on grid 450103001002015, open, version 1; `overrides` change any field. The keys follow
 * the formats libs/domain writes (`dedupKeyOf`, the storm group), and a domain spec checks that they still do.
 */
export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  counter += 1;
  const id = overrides.id ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return alertSchema.parse({
    id,
    ruleId: 'critical-report',
    kind: 'critical',
    severity: 'critical',
    title: { zh: '高危事件', en: 'High-risk report' },
    scope: 'grid:450103001002015',
    scopeName: '第015网格',
    category: null,
    ticketId: null,
    reportIds: ['11111111-1111-4111-8111-111111111111'],
    reportCount: 1,
    measure: null,
    slaDueAt: null,
    state: 'open',
    loud: false,
    escalations: 0,
    escalatedTo: null,
    department: null,
    deadline: { kind: 'acknowledge', at: '2026-11-23T02:02:00.000Z' },
    groupKey: 'critical-report|street:450103001',
    dedupKey: 'critical-report|grid:450103001002015||',
    openedAt: OPENED,
    updatedAt: OPENED,
    acknowledgedAt: null,
    acknowledgedBy: null,
    dispatchedAt: null,
    reportedInAt: null,
    closedAt: null,
    version: 1,
    actions: [{ change: 'opened', at: OPENED, by: 'system', department: null, note: null, escalatedTo: null }],
    ...overrides,
  });
}

/** The same alert one change later: version up, `updatedAt` moved on by `seconds`. */
export function nextAlertVersion(alert: Alert, changes: Partial<Alert>, seconds = 10): Alert {
  return alertSchema.parse({
    ...alert,
    ...changes,
    version: alert.version + 1,
    updatedAt: new Date(Date.parse(alert.updatedAt) + seconds * 1000).toISOString(),
  });
}
