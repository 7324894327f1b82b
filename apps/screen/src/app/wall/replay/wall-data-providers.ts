import { inject, type Provider } from '@angular/core';
import { KpiFeedService } from '../data/kpi-feed.service';
import { LiveSnapshotService } from '../data/live-snapshot.service';
import { ReplayKpiSource } from './replay-kpi.source';
import { REPLAY_PARAMS, ReplaySession } from './replay-session.service';
import { ReplaySnapshotSource } from './replay-snapshot.source';

/**
 * The wall's data sources: live (socket snapshots, KPI feed) or, with `?at=`, the replay sources under the same
 * tokens, so the wall and its panels read a replay exactly as they read live data and no live socket is opened.
 * `ReplaySession` is null on a live wall.
 */
export function wallDataProviders(): Provider[] {
  const replaying = (): boolean => inject(REPLAY_PARAMS) !== null;
  return [
    { provide: ReplaySession, useFactory: () => (replaying() ? new ReplaySession() : null) },
    { provide: LiveSnapshotService, useFactory: () => (replaying() ? new ReplaySnapshotSource() : new LiveSnapshotService()) },
    { provide: KpiFeedService, useFactory: () => (replaying() ? new ReplayKpiSource() : new KpiFeedService()) },
  ];
}
