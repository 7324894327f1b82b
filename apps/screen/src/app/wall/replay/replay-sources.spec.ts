import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { snapshotFixture } from '@grid-command/contracts/testing';
import { ApiClient } from '../../shared/data/api-client.service';
import { WallClock } from '../../shared/time/wall-clock.service';
import { KpiFeedService } from '../data/kpi-feed.service';
import { LiveSnapshotService } from '../data/live-snapshot.service';
import { ReplayKpiSource } from './replay-kpi.source';
import { REPLAY_PARAMS, ReplaySession } from './replay-session.service';
import { ReplaySnapshotSource } from './replay-snapshot.source';
import { wallDataProviders } from './wall-data-providers';

const START = Date.parse('2026-11-30T00:00:00Z');
const REAL = Date.parse('2026-12-01T09:00:00Z');

describe('the replay sources', () => {
  let asked: string[];

  beforeEach(() => {
    jest.useFakeTimers({ now: REAL });
    asked = [];
    const api = { get: jest.fn(async (path: string) => (asked.push(path), snapshotFixture({ scope: 'district:450103', asOf: new URLSearchParams(path.split('?')[1]).get('at') ?? '' }))) };
    TestBed.configureTestingModule({
      providers: [
        { provide: REPLAY_PARAMS, useValue: { startMs: START, speed: 60 } },
        { provide: ApiClient, useValue: api },
        { provide: WallClock, useValue: { now: () => Date.now(), read: () => Date.now() } },
        ...wallDataProviders(),
      ],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('stand in for the live sources under their tokens when the address has at', () => {
    expect(TestBed.inject(LiveSnapshotService)).toBeInstanceOf(ReplaySnapshotSource);
    expect(TestBed.inject(KpiFeedService)).toBeInstanceOf(ReplayKpiSource);
    expect(TestBed.inject(ReplaySession)).toBeInstanceOf(ReplaySession);
  });

  it('fetch the snapshot at the replay time, once a second, and show what was answered', async () => {
    const source = TestBed.inject(LiveSnapshotService);
    source.start('district:450103');
    await jest.advanceTimersByTimeAsync(2_100);
    expect(asked.length).toBe(3);
    const instants = asked.map((path) => Date.parse(new URLSearchParams(path.split('?')[1]).get('at') ?? ''));
    // 60× : each second of real time is a minute of the replayed morning.
    expect(instants.map((instant) => Math.round((instant - START) / 60_000))).toEqual([0, 1, 2]);
    expect(asked.every((path) => path.startsWith('/api/v1/snapshot?scope=district%3A450103&at='))).toBe(true);
    expect(source.snapshot()?.asOf).toBe(new Date(instants[2] ?? 0).toISOString());
    expect(source.connection()).toBe('live');
  });

  it('fetch nothing new while paused', async () => {
    const source = TestBed.inject(LiveSnapshotService);
    source.start('district:450103');
    await jest.advanceTimersByTimeAsync(100);
    TestBed.inject(ReplaySession).togglePlay();
    TestBed.tick();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(new Set(asked).size).toBeLessThanOrEqual(2);
  });
});

describe('a live wall', () => {
  it('has no replay session', () => {
    TestBed.configureTestingModule({ providers: [{ provide: REPLAY_PARAMS, useValue: null }, ...wallDataProviders()] });
    expect(TestBed.inject(ReplaySession)).toBeNull();
    TestBed.resetTestingModule();
  });
});
