import { describe, expect, it } from '@jest/globals';
import { BackpressureGauge, DRAIN_WINDOW_MS, UNMEASURED_RETRY_AFTER_SECONDS } from './backpressure-gauge';

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
    // 200 jobs drained over the 0.5 s the window covers, 400/s: 2,200 above the resume mark of 750 → 5.5 s → 6 s.
    gauge.observe({ waitingJobs: 3_150, oldestWaitingAddedAt: T0 }, T0);
    gauge.observe({ waitingJobs: 3_050, oldestWaitingAddedAt: T0 }, T0 + 250);
    gauge.observe({ waitingJobs: 2_950, oldestWaitingAddedAt: T0 }, T0 + 500);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(6);
    const fast = new BackpressureGauge({ maxQueueDepth: 10, maxQueueAgeMs: null });
    fast.observe({ waitingJobs: 100_000, oldestWaitingAddedAt: T0 }, T0);
    fast.observe({ waitingJobs: 12, oldestWaitingAddedAt: T0 }, T0 + 250);
    expect(fast.currentRefusal()?.retryAfterSeconds).toBe(1);
  });

  it('gives a short hint, not the longest wait, when the queue was still growing as refusals began', () => {
    // Found by the fault suite: a drain rate measured while the queue grew read as none, and every client was told
    // to wait 30 s although the backlog drained in under 4.
    const gauge = new BackpressureGauge({ maxQueueDepth: 5, maxQueueAgeMs: 3_000 });
    gauge.observe({ waitingJobs: 3, oldestWaitingAddedAt: T0 }, T0);
    gauge.observe({ waitingJobs: 6, oldestWaitingAddedAt: T0 }, T0 + 250);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(UNMEASURED_RETRY_AFTER_SECONDS);
    // Refusing stops the growth; the next samples measure the drain: 2 jobs in 0.5 s since the peak, 4/s.
    gauge.observe({ waitingJobs: 5, oldestWaitingAddedAt: T0 }, T0 + 500);
    gauge.observe({ waitingJobs: 4, oldestWaitingAddedAt: T0 }, T0 + 750);
    expect(gauge.currentRefusal()).not.toBeNull();
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it('asks for the longest wait once nothing has drained for a whole window (a stopped worker)', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: 10, maxQueueAgeMs: 5_000 });
    gauge.observe({ waitingJobs: 20, oldestWaitingAddedAt: T0 }, T0 + 6_000);
    gauge.observe({ waitingJobs: 25, oldestWaitingAddedAt: T0 }, T0 + 6_250);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(UNMEASURED_RETRY_AFTER_SECONDS);
    for (let at = 6_500; at <= 6_000 + DRAIN_WINDOW_MS; at += 250) gauge.observe({ waitingJobs: 25, oldestWaitingAddedAt: T0 }, T0 + at);
    expect(gauge.currentRefusal()?.retryAfterSeconds).toBe(30);
    expect(gauge.latest()).toEqual({ queueDepth: 25, oldestWaitingAgeMs: 6_000 + DRAIN_WINDOW_MS });
  });

  it('never refuses with both bounds off', () => {
    const gauge = new BackpressureGauge({ maxQueueDepth: null, maxQueueAgeMs: null });
    gauge.observe({ waitingJobs: 10_000_000, oldestWaitingAddedAt: T0 }, T0 + 86_400_000);
    expect(gauge.currentRefusal()).toBeNull();
  });
});
