import { describe, expect, it } from '@jest/globals';
import { assessKpiFreshness, kpiFreshnessNotice } from './kpi-freshness';

const generatedAtMs = Date.parse('2026-11-23T02:30:00Z');

describe('assessKpiFreshness', () => {
  it('waits for the first answer, and says unavailable when fetching fails with nothing to show', () => {
    expect(assessKpiFreshness({ generatedAtMs: null, lastFetchFailed: false, nowMs: generatedAtMs, staleAfterSeconds: 30 }).level).toBe('waiting');
    expect(assessKpiFreshness({ generatedAtMs: null, lastFetchFailed: true, nowMs: generatedAtMs, staleAfterSeconds: 30 }).level).toBe('unavailable');
  });

  it('is fresh up to the bound and stale past it', () => {
    expect(assessKpiFreshness({ generatedAtMs, lastFetchFailed: false, nowMs: generatedAtMs + 30_000, staleAfterSeconds: 30 })).toEqual({
      level: 'fresh',
      ageSeconds: 30,
      lastFetchFailed: false,
    });
    expect(assessKpiFreshness({ generatedAtMs, lastFetchFailed: false, nowMs: generatedAtMs + 31_000, staleAfterSeconds: 30 }).level).toBe('stale');
  });

  it('is stale at once when the last fetch failed, however young the figures shown', () => {
    expect(assessKpiFreshness({ generatedAtMs, lastFetchFailed: true, nowMs: generatedAtMs + 1000, staleAfterSeconds: 30 }).level).toBe('stale');
  });
});

describe('kpiFreshnessNotice', () => {
  it('says nothing while fresh and how far behind when stale', () => {
    expect(kpiFreshnessNotice({ level: 'fresh', ageSeconds: 3, lastFetchFailed: false }, 'zh')).toBeNull();
    expect(kpiFreshnessNotice({ level: 'stale', ageSeconds: 45, lastFetchFailed: false }, 'zh')).toBe('数据已延迟 45 秒');
    expect(kpiFreshnessNotice({ level: 'stale', ageSeconds: 125, lastFetchFailed: true }, 'en')).toBe('Update failed · data delayed 2 min 5 s');
    expect(kpiFreshnessNotice({ level: 'unavailable', ageSeconds: null, lastFetchFailed: true }, 'zh')).toBe('指标获取失败，正在重试');
  });
});
