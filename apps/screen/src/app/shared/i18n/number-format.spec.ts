import { describe, expect, it } from '@jest/globals';
import { formatCount } from './number-format';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(120_000, 'zh')).toBe('120,000');
    expect(formatCount(1380, 'en')).toBe('1,380');
  });

  it('keeps small numbers plain', () => {
    expect(formatCount(0, 'zh')).toBe('0');
    expect(formatCount(37, 'en')).toBe('37');
  });
});
