import { describe, expect, it } from '@jest/globals';
import { assessFreshness, isOutOfDate } from './freshness';

const now = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('assessFreshness', () => {
  it('waits while nothing has arrived', () => {
    expect(assessFreshness({ connection: 'connecting', asOfMs: null, nowMs: now, staleAfterSeconds: 30 })).toEqual({
      level: 'waiting',
      connection: 'connecting',
      ageSeconds: null,
    });
  });

  it('is fresh up to and including the allowed age', () => {
    const freshness = assessFreshness({ connection: 'live', asOfMs: now - 30_900, nowMs: now, staleAfterSeconds: 30 });
    expect(freshness).toMatchObject({ level: 'fresh', ageSeconds: 30 });
    expect(isOutOfDate(freshness)).toBe(false);
  });

  it('turns stale one second past the allowed age although the link is up', () => {
    const freshness = assessFreshness({ connection: 'live', asOfMs: now - 31_000, nowMs: now, staleAfterSeconds: 30 });
    expect(freshness).toMatchObject({ level: 'stale', ageSeconds: 31 });
    expect(isOutOfDate(freshness)).toBe(true);
  });

  it('is offline as soon as the link drops, even with young data', () => {
    const freshness = assessFreshness({ connection: 'disconnected', asOfMs: now - 2000, nowMs: now, staleAfterSeconds: 30 });
    expect(freshness).toMatchObject({ level: 'offline', ageSeconds: 2 });
    expect(isOutOfDate(freshness)).toBe(true);
  });

  it('is offline when the server refuses the subscription', () => {
    expect(assessFreshness({ connection: 'rejected', asOfMs: null, nowMs: now, staleAfterSeconds: 30 }).level).toBe('offline');
  });

  it('never reports a negative age when the data claims to come from the future', () => {
    expect(assessFreshness({ connection: 'live', asOfMs: now + 5000, nowMs: now, staleAfterSeconds: 30 }).ageSeconds).toBe(0);
  });

  it('turns offline, the link silent, when the heartbeat is overdue although socket.io says live', () => {
    const freshness = assessFreshness({ connection: 'live', asOfMs: now - 4000, silent: true, nowMs: now, staleAfterSeconds: 30 });
    expect(freshness).toEqual({ level: 'offline', connection: 'silent', ageSeconds: 4 });
    expect(isOutOfDate(freshness)).toBe(true);
  });

  it('is fresh again once heartbeats arrive', () => {
    expect(assessFreshness({ connection: 'live', asOfMs: now, silent: false, nowMs: now, staleAfterSeconds: 30 }).level).toBe('fresh');
  });
});
