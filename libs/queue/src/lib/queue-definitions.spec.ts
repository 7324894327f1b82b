import { describe, expect, it } from '@jest/globals';
import { RETRY_MAX_DELAY_MS, retryDelayMs, STORE_BATCH_JOB_OPTIONS } from './queue-definitions';

describe('retry policy of a batch', () => {
  it('doubles from 250 ms and stops growing at 30 s', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([250, 500, 1000, 2000]);
    expect(retryDelayMs(8)).toBe(RETRY_MAX_DELAY_MS);
    expect(retryDelayMs(200)).toBe(RETRY_MAX_DELAY_MS);
  });

  it('rides out about two hours of ClickHouse outage before a batch lands in the failed set', () => {
    const attempts = STORE_BATCH_JOB_OPTIONS.attempts ?? 1;
    let waitedMs = 0;
    for (let made = 1; made < attempts; made += 1) waitedMs += retryDelayMs(made);
    expect(waitedMs / 3_600_000).toBeGreaterThan(1.9);
    expect(STORE_BATCH_JOB_OPTIONS.removeOnFail).toBe(false);
  });
});
