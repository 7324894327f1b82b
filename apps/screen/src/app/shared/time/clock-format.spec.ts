import { describe, expect, it } from '@jest/globals';
import { clockFace, timeOfDay } from './clock-format';

// 2026-11-23 16:05:09 UTC is 2026-11-24 00:05:09 in Nanning.
const instant = Date.UTC(2026, 10, 23, 16, 5, 9);

describe('clockFace', () => {
  it('shows the date, weekday and time of the snapshot time zone in Chinese', () => {
    expect(clockFace(instant, 'Asia/Shanghai', 'zh')).toEqual({ date: '2026年11月24日', weekday: '星期二', time: '00:05:09' });
  });

  it('shows the same moment in English', () => {
    expect(clockFace(instant, 'Asia/Shanghai', 'en')).toEqual({ date: '24 Nov 2026', weekday: 'Tuesday', time: '00:05:09' });
  });

  it('follows the zone, not the machine', () => {
    expect(clockFace(instant, 'UTC', 'zh').time).toBe('16:05:09');
  });
});

describe('timeOfDay', () => {
  it('drops the seconds on request', () => {
    expect(timeOfDay(instant, 'Asia/Shanghai', false)).toBe('00:05');
  });
});
