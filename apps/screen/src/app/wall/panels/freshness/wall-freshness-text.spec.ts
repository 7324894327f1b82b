import { describe, expect, it } from '@jest/globals';
import { wallFreshness } from '../../wall-freshness';
import { wallFreshnessText } from './wall-freshness-text';

const asOf = Date.UTC(2026, 10, 23, 2, 30, 0);

describe('wallFreshnessText', () => {
  it("speaks for the live link while it is the worse feed", () => {
    const status = wallFreshness({ level: 'offline', connection: 'silent', ageSeconds: 6 }, { level: 'stale', ageSeconds: 40, lastFetchFailed: true });
    expect(wallFreshnessText(status, asOf, 'UTC', 'zh')).toEqual({ headline: '连接中断', detail: '数据已延迟 6 秒' });
  });

  it('says the KPIs are late, with their panels\' own words, when they fail beside a live link', () => {
    const status = wallFreshness({ level: 'fresh', connection: 'live', ageSeconds: 1 }, { level: 'stale', ageSeconds: 45, lastFetchFailed: true });
    expect(wallFreshnessText(status, asOf, 'UTC', 'zh')).toEqual({ headline: '工单指标延迟', detail: '更新失败 · 数据已延迟 45 秒' });
    expect(wallFreshnessText(status, asOf, 'UTC', 'en').headline).toBe('KPIs delayed');
  });
});
