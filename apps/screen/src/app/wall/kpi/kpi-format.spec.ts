import { describe, expect, it } from '@jest/globals';
import { bucketLabel, formatMinutes, formatRate, periodLabel } from './kpi-format';

describe('formatRate', () => {
  it('prints every rate as a percent with one decimal, so figures side by side line up', () => {
    expect(formatRate(0.949, 'zh')).toBe('94.9%');
    expect(formatRate(1, 'en')).toBe('100.0%');
    expect(formatRate(0.3, 'zh')).toBe('30.0%');
    expect(formatRate(0.12345, 'en')).toBe('12.3%');
    expect(formatRate(0.29949, 'en')).toBe('29.9%');
  });

  it('prints a dash, not 0 %, when there is no denominator', () => {
    expect(formatRate(null, 'zh')).toBe('—');
  });
});

describe('formatMinutes', () => {
  it('picks minutes, hours or days', () => {
    expect(formatMinutes(42, 'zh')).toBe('42分钟');
    expect(formatMinutes(210, 'zh')).toBe('3.5小时');
    expect(formatMinutes(3024, 'en')).toBe('2.1 d');
    expect(formatMinutes(120, 'en')).toBe('2 h');
  });

  it('says under a minute rather than 0 for a few seconds, and a dash for nothing measured', () => {
    expect(formatMinutes(0.2, 'zh')).toBe('<1分钟');
    expect(formatMinutes(null, 'en')).toBe('—');
  });
});

describe('bucketLabel', () => {
  it('labels the first, middle and open-ended buckets', () => {
    expect(bucketLabel({ fromMinutes: 0, toMinutes: 60, tickets: 3 }, 'zh')).toBe('<1小时');
    expect(bucketLabel({ fromMinutes: 60, toMinutes: 240, tickets: 3 }, 'zh')).toBe('1–4小时');
    expect(bucketLabel({ fromMinutes: 30, toMinutes: 120, tickets: 3 }, 'zh')).toBe('30分钟–2小时');
    expect(bucketLabel({ fromMinutes: 4320, toMinutes: null, tickets: 3 }, 'en')).toBe('≥3 d');
  });
});

describe('periodLabel', () => {
  it('names the period in the heading', () => {
    expect(periodLabel({ kind: 'today' }, 'zh')).toBe('今日');
    expect(periodLabel({ kind: 'week' }, 'en')).toBe('this week');
    expect(periodLabel({ kind: 'custom', from: '2026-11-01', to: '2026-11-20' }, 'zh')).toBe('2026-11-01 至 2026-11-20');
  });
});
