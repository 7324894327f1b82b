import { describe, expect, it } from '@jest/globals';
import { backpressureSeconds } from './backpressure';

describe('backpressureSeconds', () => {
  it('reads the Retry-After of a 503 or a 429, in seconds or as an HTTP date', () => {
    expect(backpressureSeconds(503, '7')).toBe(7);
    expect(backpressureSeconds(429, '2')).toBe(2);
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(backpressureSeconds(503, 'Tue, 01 Dec 2026 12:00:05 GMT', now)).toBe(5);
  });

  it('is null for other answers and without a usable Retry-After', () => {
    expect(backpressureSeconds(202, '7')).toBeNull();
    expect(backpressureSeconds(500, '7')).toBeNull();
    expect(backpressureSeconds(503, undefined)).toBeNull();
    expect(backpressureSeconds(503, null)).toBeNull();
    expect(backpressureSeconds(503, ' ')).toBeNull();
    expect(backpressureSeconds(503, 'soon')).toBeNull();
  });
});
