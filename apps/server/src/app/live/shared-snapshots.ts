import type { ScopeSummary, Snapshot } from '@grid-command/contracts';
import type { SnapshotService } from '../metrics';

const MINUTE_MS = 60_000;

interface Computed {
  readonly snapshot: Snapshot;
  readonly at: number;
}

/**
 * One snapshot computation per scope at a time, shared by every socket that needs it: a ClickHouse query costs
 * milliseconds, and a storm of subscriptions (5,000 from one socket, or a wall of screens reconnecting at once) must
 * not cost one query each. A first snapshot reuses the scope's latest if it is fresh (computed within the push
 * interval and in the same minute, so its trend ends on the current minute), else joins the computation in flight,
 * else starts one. The push tick always computes anew (it runs because the data changed) and leaves its result here
 * for the subscribers that follow.
 */
export class SharedSnapshots {
  private readonly latest = new Map<string, Computed>();
  private readonly inFlight = new Map<string, Promise<Snapshot>>();

  constructor(
    private readonly snapshots: SnapshotService,
    private readonly freshForMs: number,
  ) {}

  /** The snapshot a socket that just subscribed gets. */
  current(scope: ScopeSummary, now = Date.now()): Promise<Snapshot> {
    const latest = this.latest.get(scope.scope);
    if (latest && now - latest.at < this.freshForMs && Math.floor(now / MINUTE_MS) === Math.floor(latest.at / MINUTE_MS)) {
      return Promise.resolve(latest.snapshot);
    }
    return this.inFlight.get(scope.scope) ?? this.compute(scope, now);
  }

  /** A new snapshot, for a push tick: the data changed, so neither the latest nor one in flight will do. */
  compute(scope: ScopeSummary, now = Date.now()): Promise<Snapshot> {
    const computation = this.snapshots.snapshot(scope, new Date(now)).then((snapshot) => {
      const previous = this.latest.get(scope.scope);
      if (!previous || previous.at <= now) this.latest.set(scope.scope, { snapshot, at: now });
      return snapshot;
    });
    const settled = (): void => {
      if (this.inFlight.get(scope.scope) === computation) this.inFlight.delete(scope.scope);
    };
    this.inFlight.set(scope.scope, computation);
    computation.then(settled, settled);
    return computation;
  }

  /** Drops what is kept of scopes nobody watches any longer. */
  retainOnly(scopes: ReadonlySet<string>): void {
    for (const scope of this.latest.keys()) if (!scopes.has(scope)) this.latest.delete(scope);
  }
}
