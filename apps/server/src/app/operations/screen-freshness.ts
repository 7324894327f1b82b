import type { ConnectedScreen, NamedScope } from '@grid-command/contracts';
import type { RegisteredScreen } from '@grid-command/queue';

/**
 * A wall idle of new data is pushed only every heartbeat, and its process registers its pushes only every round:
 * below that a healthy screen would be flagged. Otherwise 10 s, which a busy wall (pushed every half second) never nears.
 */
export function staleAfterSeconds(heartbeatMs: number, registrationEveryMs: number): number {
  return Math.max(10, Math.ceil((heartbeatMs + registrationEveryMs) / 1000) + 1);
}

/** The registered screens as the overview shows them at `now`, those waiting longest first, their scopes named by `nameOf`. */
export function screensAt(registered: readonly RegisteredScreen[], now: Date, staleAfter: number, nameOf: (scope: string) => NamedScope): ConnectedScreen[] {
  const views = registered.map((screen): ConnectedScreen => {
    const receivesSnapshots = screen.scopes.length > 0;
    const since = screen.lastPushAt ?? screen.connectedAt;
    const freshnessSeconds = receivesSnapshots ? Math.max(0, (now.getTime() - since) / 1000) : null;
    return {
      name: screen.name,
      kind: screen.kind,
      scopes: [...screen.scopes].sort().map(nameOf),
      alertScopes: [...screen.alertScopes].sort().map(nameOf),
      connectedAt: new Date(screen.connectedAt).toISOString(),
      lastPushAt: screen.lastPushAt === null ? null : new Date(screen.lastPushAt).toISOString(),
      freshnessSeconds,
      stale: freshnessSeconds !== null && freshnessSeconds > staleAfter,
    };
  });
  return views.sort((a, b) => (b.freshnessSeconds ?? -1) - (a.freshnessSeconds ?? -1) || a.name.localeCompare(b.name));
}
