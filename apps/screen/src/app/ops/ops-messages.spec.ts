import { describe, expect, it } from '@jest/globals';
import { OPS_MESSAGE_KEYS, opsPlaceholdersOf, opsText } from './ops-messages';

describe('the ops texts', () => {
  it('says every text in both languages with the same parameters', () => {
    for (const key of OPS_MESSAGE_KEYS) {
      expect(opsText('en', key)).not.toBe('');
      expect([key, opsPlaceholdersOf('en', key)]).toEqual([key, opsPlaceholdersOf('zh', key)]);
    }
  });

  it('fills in parameters and leaves a missing one visible', () => {
    expect(opsText('zh', 'ops.stale', { time: '08:00:05' })).toBe('数据已过期 · 最后一次成功更新 08:00:05');
    expect(opsText('en', 'ops.stale')).toBe('Stale · last good update {time}');
  });
});
