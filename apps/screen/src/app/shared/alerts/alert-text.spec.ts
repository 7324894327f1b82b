import { alertRulesFileSchema } from '@grid-command/contracts';
import { groupStorms } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { alertFixture } from '@grid-command/contracts/testing';
import { actionLogText, ageText, alertAge, alertTimers, countdown, escalationText, ruleName, stateText, tickerItems } from './alert-text';

const opened = Date.parse('2026-11-23T02:00:00.000Z');
const names = new Map([
  ['street:450103001', '新竹街道'],
  ['district:450103', '青秀区'],
]);
const rules = alertRulesFileSchema.parse({
  response: { critical: { acknowledgeMinutes: 2, reportInMinutes: 30 }, major: { acknowledgeMinutes: 10, reportInMinutes: 120 }, minor: { acknowledgeMinutes: 60, reportInMinutes: 480 } },
  rules: [{ id: 'critical-report', kind: 'critical', name: { zh: '特急事件(规则)', en: 'Critical report (rule)' }, severity: 'critical', cooldownMinutes: 0, anyOf: [{ severityAtLeast: 4 }] }],
});

describe('countdown', () => {
  it('counts down to the deadline, rounding up so it never shows 0 before it has passed', () => {
    expect(countdown(opened + 80_500, opened, 'zh')).toEqual({ text: '剩 1 分 21 秒', overdue: false });
    expect(countdown(opened + 400, opened, 'en')).toEqual({ text: '1 s left', overdue: false });
  });

  it('turns overdue at the deadline itself and counts up from there', () => {
    expect(countdown(opened, opened, 'zh')).toEqual({ text: '超时 0 秒', overdue: true });
    expect(countdown(opened - 185_000, opened, 'en')).toEqual({ text: '3 min 5 s over', overdue: true });
  });
});

describe('alertTimers', () => {
  it("shows the acknowledgement bound and an SLA alert's ticket deadline", () => {
    const alert = alertFixture({ slaDueAt: '2026-11-23T01:59:00.000Z' });
    expect(alertTimers(alert, opened + 30_000, 'zh')).toEqual([
      { kind: 'acknowledge', label: '确认时限', countdown: { text: '剩 1 分 30 秒', overdue: false } },
      { kind: 'sla', label: '工单时限', countdown: { text: '超时 1 分 30 秒', overdue: true } },
    ]);
  });

  it('shows nothing for a closed alert', () => {
    expect(alertTimers(alertFixture({ state: 'closed', closedAt: '2026-11-23T02:01:00.000Z' }), opened, 'zh')).toEqual([]);
  });
});

describe('stateText', () => {
  it('names who acknowledged', () => {
    expect(stateText(alertFixture({ state: 'acknowledged', acknowledgedBy: '张三' }), 'zh')).toBe('已确认 · 张三');
  });

  it('names the department and whether it has reported in', () => {
    const dispatched = alertFixture({ state: 'dispatched', department: '燃气公司', acknowledgedBy: '张三' });
    expect(stateText(dispatched, 'zh')).toBe('已派遣 · 燃气公司 处置 · 待报到');
    expect(stateText({ ...dispatched, reportedInAt: '2026-11-23T02:05:00.000Z' }, 'en')).toBe('Dispatched · 燃气公司 on it · reported in');
  });

  it('is the bare state while open', () => {
    expect(stateText(alertFixture(), 'en')).toBe('Open');
  });
});

describe('escalationText', () => {
  it('counts the whistles and names the scope it went to', () => {
    expect(escalationText(alertFixture({ escalations: 2, escalatedTo: 'district:450103' }), names, 'zh')).toBe('吹哨 ×2 → 青秀区');
    expect(escalationText(alertFixture({ escalations: 1, escalatedTo: 'community:450103001002' }), names, 'en')).toBe('Escalated ×1 → community:450103001002');
  });

  it('is null for an alert never escalated', () => {
    expect(escalationText(alertFixture(), names, 'zh')).toBeNull();
  });
});

describe('ruleName', () => {
  it("takes the rule's name from the rules file, the alert's title until it is loaded", () => {
    expect(ruleName(alertFixture(), rules, 'zh')).toBe('特急事件(规则)');
    expect(ruleName(alertFixture(), null, 'en')).toBe('High-risk report');
  });
});

describe('actionLogText', () => {
  it('says what, who, and the department, target or note', () => {
    expect(actionLogText({ change: 'dispatch', at: '2026-11-23T02:01:00.000Z', by: '张三', department: '燃气公司', note: null, escalatedTo: null }, names, 'zh')).toBe('派遣 · 张三 · 燃气公司');
    expect(actionLogText({ change: 'escalate', at: '2026-11-23T02:01:00.000Z', by: 'system', department: null, note: null, escalatedTo: 'street:450103001' }, names, 'zh')).toBe('吹哨 · system · → 新竹街道');
    expect(actionLogText({ change: 'renotified', at: '2026-11-23T02:01:00.000Z', by: 'system', department: null, note: null, escalatedTo: null }, names, 'en')).toBe('Re-notified · system');
  });
});

describe('tickerItems', () => {
  it('tells each alert with its state, age and escalations', () => {
    const alert = alertFixture({ state: 'dispatched', acknowledgedBy: '张三', department: '燃气公司', escalations: 1, escalatedTo: 'street:450103001' });
    const [item] = tickerItems(groupStorms([alert], 5), rules, names, opened + 12 * 60_000, 'zh');
    expect(item).toEqual({
      key: alert.id,
      severity: 'critical',
      loud: false,
      alertIds: [alert.id],
      text: '特急事件(规则) · 第015网格 · 已派遣 · 燃气公司 处置 · 待报到 · 已持续 12 分 0 秒 · 吹哨 ×1 → 新竹街道',
    });
  });

  it('shows a storm as one item with its count and the age of its oldest alert', () => {
    const storm = Array.from({ length: 6 }, (_, index) => alertFixture({ openedAt: new Date(opened + index * 60_000).toISOString(), updatedAt: new Date(opened + index * 60_000).toISOString() }));
    const items = tickerItems(groupStorms(storm, 5), rules, names, opened + 10 * 60_000, 'en');
    expect(items).toHaveLength(1);
    expect(items[0]?.alertIds).toHaveLength(6);
    expect(items[0]?.text).toBe('Critical report (rule) · Alert storm ×6 · 6 places incl. 第015网格 · Open · open 10 min 0 s');
  });

  it('stops the age of a closed alert when it closed', () => {
    const closed = alertFixture({ state: 'closed', closedAt: '2026-11-23T02:05:00.000Z' });
    expect(alertAge(closed, opened + 3_600_000, 'zh')).toBe('已持续 5 分 0 秒');
    expect(alertAge(alertFixture(), opened + 3_600_000, 'zh')).toBe('已持续 1 小时 0 分');
  });

  it('ages from the opening time', () => {
    expect(ageText('2026-11-23T02:00:00.000Z', opened + 3 * 3_600_000 + 60_000, 'zh')).toBe('已持续 3 小时 1 分');
  });
});
