import { describe, expect, it } from '@jest/globals';
import { BackpressureGauge } from './backpressure-gauge';

const T0 = 1_800_000_000_000;

describe('BackpressureGauge', () => {
  it('accepts until a sample is over the depth bound, naming the bound in the refusal', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: 100, maxQueueAgeMs: null });
    expect(gauge.currentRefusal()).toBeNull();
    gauge.observe({ waitingJobs: 100, oldestWaitingAddedAt: T0 }, T0 + 1_000);
    expect(gauge.currentRefusal()).toBeNull();
    gauge.observe({ waitingJobs: 101, oldestWaitingAddedAt: T0 }, T0 + 1_250);
    expect(gauge.currentRefusal()?.message).toBe('the report queue holds 101 waiting batches, over INGEST_MAX_QUEUE_DEPTH=100');
  });

  it('refuses on the age of the oldest waiting job', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: null, maxQueueAgeMs: 60_000 });
    gauge.observe({ waitingJobs: 1, oldestWaitingAddedAt: T0 }, T0 + 60_000);
    expect(gauge.currentRefusal()).toBeNull();
    gauge.observe({ waitingJobs: 1, oldestWaitingAddedAt: T0 }, T0 + 61_000);
    expect(gauge.currentRefusal()?.message).toContain('61 s old, over INGEST_MAX_QUEUE_AGE_SECONDS=60');
  });

  it('keeps refusing until the backlog is under three quarters of its bound (no flapping at the edge)', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: 100, maxQueueAgeMs: null });
    gauge.observe({ waitingJobs: 120, oldestWaitingAddedAt: T0 }, T0);
    gauge.observe({ waitingJobs: 90, oldestWaitingAddedAt: T0 }, T0 + 250);
    expect(gauge.currentRefusal()).not.toBeNull();
    gauge.observe({ waitingJobs: 76, oldestWaitingAddedAt: T0 }, T0 + 500);
    expect(gauge.currentRefusal()).not.toBeNull();
    gauge.observe({ waitingJobs: 75, oldestWaitingAddedAt: T0 }, T0 + 750);
    expect(gauge.currentRefusal()).toBeNull();
  });

  it('asks to retry after the time the measured drain takes to reach the resume mark, within 1..30 s', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: 1_000, maxQueueAgeMs: null });
    // 400 jobs drained per second, measured twice and smoothed to 300/s: 2,200 above the resume mark of 750 → 8 s.
    gauge.observe({ waitingJobs: 3_150, oldestWaitingAddedAt: T0 }, T0);
    gauge.observe({ waitingJobs: 3_050, oldestWaitingAddedAt: T0 }, T0 + 250);
    gauge.observe({ waitingJobs: 2_950, oldestWaitingAddedAt: T0 }, T0 + 500);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(8);
    const fast = new BackpressureGauge({ maxQueueDepth: 10, maxQueueAgeMs: null });
    fast.observe({ waitingJobs: 100_000, oldestWaitingAddedAt: T0 }, T0);
    fast.observe({ waitingJobs: 12, oldestWaitingAddedAt: T0 }, T0 + 250);
    expect(fast.currentRefusal()?.retryAfterSeconds).toBe(1);
  });

  it('asks for the longest wait when nothing drains (a stopped worker)', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: 10, maxQueueAgeMs: 5_000 });
    gauge.observe({ waitingJobs: 20, oldestWaitingAddedAt: T0 }, T0 + 6_000);
    gauge.observe({ waitingJobs: 25, oldestWaitingAddedAt: T0 }, T0 + 6_250);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(30);
    expect(gauge.latest()).toEqual({ queueDepth: 25, oldestWaitingAgeMs: 6_250 });
  });

  it('never refuses with both bounds off', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: null, maxQueueAgeMs: null });
    gauge.observe({ waitingJobs: 10_000_000, oldestWaitingAddedAt: T0 }, T0 + 86_400_000);
    expect(gauge.currentRefusal()).toBeNull();
  });
});
