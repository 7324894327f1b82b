import { describe, expect, it } from '@jest/globals';
import { localHour, localMinuteOfDay, toLocalIso } from './local-time';

describe('local time (Asia/Shanghai)', () => {
  it('writes ISO-8601 with the +08:00 offset and the same instant', () => {
    const instant = Date.UTC(2025, 10, 23, 16, 30, 5, 123);
    const text = toLocalIso(instant);
    expect(text).toBe('2025-11-24T00:30:05.123+08:00');
    expect(Date.parse(text)).toBe(instant);
  });

  it('tells the local hour and minute of day across the UTC date line', () => {
    expect(localHour(Date.UTC(2025, 0, 1, 15, 59))).toBe(23);
    expect(localHour(Date.UTC(2025, 0, 1, 16, 0))).toBe(0);
    expect(localMinuteOfDay(Date.UTC(2025, 0, 1, 1, 30))).toBe(9 * 60 + 30);
  });
});
