import { describe, expect, it } from '@jest/globals';
import { formatDuration } from './duration-format';

describe('formatDuration', () => {
  it.each([
    [0, '0 秒', '0 s'],
    [45.9, '45 秒', '45 s'],
    [725, '12 分 5 秒', '12 min 5 s'],
    [3 * 3600 + 12 * 60 + 59, '3 小时 12 分', '3 h 12 min'],
    [2 * 86_400 + 3 * 3600, '2 天 3 小时', '2 d 3 h'],
  ])('%s s reads as %s / %s', (seconds, zh, en) => {
    expect(formatDuration(seconds, 'zh')).toBe(zh);
    expect(formatDuration(seconds, 'en')).toBe(en);
  });

  it('never shows a negative age when clocks disagree', () => {
    expect(formatDuration(-5, 'zh')).toBe('0 秒');
  });
});
