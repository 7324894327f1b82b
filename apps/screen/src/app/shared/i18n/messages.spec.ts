import { describe, expect, it } from '@jest/globals';
import { MESSAGE_KEYS, placeholdersOf, translate } from './messages';

describe('translate', () => {
  it('shows Chinese and English labels of the headline KPI', () => {
    expect(translate('zh', 'kpi.reported')).toBe('今日受理量（实时）');
    expect(translate('en', 'kpi.reported')).toBe('Reported today (live)');
  });

  it('fills parameters', () => {
    expect(translate('zh', 'freshness.delayed', { age: '45 秒' })).toBe('数据已延迟 45 秒');
    expect(translate('en', 'wall.retryIn', { seconds: 8 })).toBe('Retrying in 8 s');
  });

  it('leaves a missing parameter visible instead of printing undefined', () => {
    expect(translate('en', 'freshness.delayed')).toBe('Data delayed {age}');
  });

  it.each(MESSAGE_KEYS)('%s takes the same parameters in both languages', (key) => {
    expect(placeholdersOf('en', key)).toEqual(placeholdersOf('zh', key));
  });
});
