import { describe, expect, it } from '@jest/globals';
import { clockFace, readableTime, timeOfDay, TIME_PLACEHOLDER } from './clock-format';

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

describe('readableTime', () => {
  // 2026-12-01 00:01 UTC is 08:01 on 1 Dec in Shanghai and 19:01 on 30 Nov in New York.
  const until = Date.UTC(2026, 11, 1, 0, 1);

  it('is the bare time on the same day of the zone', () => {
    expect(readableTime(until, Date.UTC(2026, 10, 30, 23, 0), 'Asia/Shanghai', 'zh', false)).toBe('08:01');
  });

  it('carries its date when it is not today in the zone', () => {
    // 15:00 UTC on 30 Nov is 23:00 on 30 Nov in Shanghai: the day before.
    const evening = Date.UTC(2026, 10, 30, 15, 0);
    expect(readableTime(until, evening, 'Asia/Shanghai', 'zh', false)).toBe('12月1日 08:01');
    expect(readableTime(until, evening, 'Asia/Shanghai', 'en', false)).toBe('1 Dec 08:01');
  });

  it('decides "today" in the zone, not in UTC or the browser', () => {
    // The same two instants are one day apart in Shanghai but the same day (30 Nov) in New York.
    const evening = Date.UTC(2026, 10, 30, 15, 0);
    expect(readableTime(until, evening, 'America/New_York', 'en', false)).toBe('19:01');
  });

  it('adds the year when that differs', () => {
    expect(readableTime(Date.UTC(2025, 11, 31, 12), Date.UTC(2026, 0, 2, 12), 'Asia/Shanghai', 'en', false)).toBe('31 Dec 2025 20:00');
  });

  it('reads a placeholder while the zone is unknown', () => {
    expect(readableTime(until, until, null, 'zh', false)).toBe(TIME_PLACEHOLDER);
    expect(clockFace(until, null, 'zh')).toEqual({ date: '', weekday: '', time: '--:--:--' });
  });
});
