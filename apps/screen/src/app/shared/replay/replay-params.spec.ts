import { describe, expect, it } from '@jest/globals';
import { instantOfLocalTime, liveAddress, parseReplayParams, replayAddress } from './replay-params';

describe('replay parameters', () => {
  it('reads at with an offset and an offered speed', () => {
    expect(parseReplayParams('?at=2026-11-30T08:00:00%2B08:00&speed=600')).toEqual({ startMs: Date.parse('2026-11-30T00:00:00Z'), speed: 600 });
    expect(parseReplayParams('?at=2026-11-30T00:00:00Z')).toEqual({ startMs: Date.parse('2026-11-30T00:00:00Z'), speed: 60 });
  });

  it('replays at the default speed when the speed is not one offered', () => {
    expect(parseReplayParams('?at=2026-11-30T08:00:00Z&speed=7')?.speed).toBe(60);
    expect(parseReplayParams('?at=2026-11-30T08:00:00Z&speed=fast')?.speed).toBe(60);
  });

  it.each([[''], ['?at='], ['?at=2026-11-30T08:00:00'], ['?at=2026-11-30'], ['?at=yesterday'], ['?at=2026-02-30T08:00:00Z&speed=60']])(
    'is live for %s (no instant with an offset)',
    (search) => {
      expect(parseReplayParams(search)).toBeNull();
    },
  );

  it('a "+" the address did not escape still reads as an offset only when escaped', () => {
    // URLSearchParams reads a bare + as a space: such an address is not a replay rather than one in the wrong zone.
    expect(parseReplayParams('?at=2026-11-30T08:00:00+08:00')).toBeNull();
  });

  it('builds the replay and live addresses, keeping the other parameters', () => {
    const replay = replayAddress('?wall=leader-wall&scope=street:450103001', '2026-11-30T08:00:00+08:00', 10);
    expect(parseReplayParams(replay)).toEqual({ startMs: Date.parse('2026-11-30T00:00:00Z'), speed: 10 });
    expect(new URLSearchParams(replay).get('scope')).toBe('street:450103001');
    expect(liveAddress(replay)).toBe('?wall=leader-wall&scope=street%3A450103001');
    expect(liveAddress('?at=2026-11-30T08:00:00Z&speed=60')).toBe('');
  });
});

describe('a time typed in the deployment zone', () => {
  // Shanghai is +08:00 all year; New York changes on 2026-03-08.
  const offset = (instant: Date, zone: string): number => {
    if (zone === 'Asia/Shanghai') return 480;
    return instant.getTime() >= Date.parse('2026-03-08T07:00:00Z') ? -240 : -300;
  };

  it('is the instant the zone’s clocks read then', () => {
    expect(instantOfLocalTime('2026-11-30T08:00', 'Asia/Shanghai', offset)).toBe(Date.parse('2026-11-30T00:00:00Z'));
    expect(instantOfLocalTime('2026-03-08T12:00', 'America/New_York', offset)).toBe(Date.parse('2026-03-08T16:00:00Z'));
  });

  it.each([[''], ['2026-11-30'], ['2026-02-30T08:00'], ['08:00']])('is nothing for %s', (local) => {
    expect(instantOfLocalTime(local, 'Asia/Shanghai', offset)).toBeNull();
  });
});
