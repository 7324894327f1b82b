import { describe, expect, it } from '@jest/globals';
import { fromClickHouseDateTime, toClickHouseDateTime } from './sql-time';

describe('ClickHouse UTC text', () => {
  it('writes milliseconds without a zone and reads them back to the same instant', () => {
    const instant = new Date('2026-11-23T02:04:05.123+08:00');
    expect(toClickHouseDateTime(instant)).toBe('2026-11-22 18:04:05.123');
    expect(fromClickHouseDateTime('2026-11-22 18:04:05.123').getTime()).toBe(instant.getTime());
  });
});
