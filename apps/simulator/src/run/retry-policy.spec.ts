import { describe, expect, it } from '@jest/globals';
import { backoffMs, DEFAULT_RETRY_POLICY, verdictOf } from './retry-policy';

describe('verdictOf', () => {
  it.each([
    [202, 'acknowledged'],
    [503, 'retry'],
    [502, 'retry'],
    [500, 'retry'],
    [429, 'retry'],
    [400, 'reject'],
    [413, 'reject'],
    [415, 'reject'],
    [422, 'reject'],
  ])('answers %i with %s', (status, verdict) => {
    expect(verdictOf(status)).toBe(verdict);
  });
});

describe('backoffMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 0)).toBe(125);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 0.999)).toBeCloseTo(250, 0);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 3, () => 0)).toBe(500);
  });

  it('never waits longer than the maximum', () => {
    expect(backoffMs(DEFAULT_RETRY_POLICY, 30, () => 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('gives up within about ten seconds in total', () => {
    let total = 0;
    for (let attempt = 1; attempt < DEFAULT_RETRY_POLICY.maxAttempts; attempt += 1) total += backoffMs(DEFAULT_RETRY_POLICY, attempt, () => 0.999);
    expect(total).toBeLessThan(10_000);
  });
});
