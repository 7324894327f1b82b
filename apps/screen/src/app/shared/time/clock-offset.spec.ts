import { describe, expect, it } from '@jest/globals';
import { clockOffsetMs } from './clock-offset';

const serverTime = Date.UTC(2026, 10, 23, 10, 0, 0);
const header = new Date(serverTime).toUTCString();

describe('clockOffsetMs', () => {
  it('treats a clock within the header resolution as in sync', () => {
    expect(clockOffsetMs(header, serverTime - 100, serverTime + 300)).toBe(0);
  });

  it('measures a local clock that runs five minutes slow', () => {
    const local = serverTime - 300_000;
    expect(clockOffsetMs(header, local - 50, local + 50)).toBe(300_500);
  });

  it('measures a local clock that runs ahead', () => {
    const local = serverTime + 60_000;
    expect(clockOffsetMs(header, local, local)).toBe(-59_500);
  });

  it('gives up without a readable header', () => {
    expect(clockOffsetMs(null, 0, 0)).toBeNull();
    expect(clockOffsetMs('yesterday', 0, 0)).toBeNull();
  });
});
