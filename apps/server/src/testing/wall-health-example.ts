import type { WallHealth } from '@grid-command/contracts';
import { randomUUID } from 'node:crypto';

/** A health report a wall on `scope` could send, with a fresh wall id unless one is given. */
export function exampleWallHealth(scope: string, changes: Partial<WallHealth> = {}): WallHealth {
  return {
    wallId: randomUUID(),
    label: null,
    layout: 'leader-wall',
    revision: null,
    scope,
    playlist: null,
    heapUsedMb: 48.5,
    framesPerSecond: 58,
    socket: 'live',
    dataAgeSeconds: 1.2,
    mode: 'live',
    uptimeSeconds: 30,
    reloads: { count: 0, lastReason: null, lastAt: null },
    ...changes,
  };
}
