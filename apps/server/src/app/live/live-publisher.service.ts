import { isSnapshotRoom, type ScopeSummary, type Snapshot } from '@grid-command/contracts';
import { formatScope, lineageOf, scopeOfCode, type ReferenceIndex } from '@grid-command/domain';
import { subscribeReportsStored } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { PipelineMetrics } from '../common/telemetry';
import { APP_CONFIG, REDIS_SUBSCRIBER, REFERENCE_INDEX } from '../infrastructure/tokens';
import type { LiveNamespace } from './live-namespace';
import { SnapshotService } from '../metrics';
import { sampleLiveGauges } from './live-gauges';
import { SharedSnapshots } from './shared-snapshots';

const MINUTE_MS = 60_000;

/**
 * Pushes snapshots to the scopes that have subscribers, and only to those: when a stored batch touched the scope,
 * when a new minute starts (the trend moves on), and at least every heartbeat so screens can tell live from stale.
 * One tick at a time, at most every push interval, however fast reports arrive.
 */
@Injectable()
export class LivePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LivePublisher.name);
  private namespace: LiveNamespace | null = null;
  private readonly dirty = new Set<string>();
  /** Per dirty scope, when the earliest batch not yet pushed was accepted (epoch ms): acceptance to screen. */
  private readonly acceptedAtOfDirty = new Map<string, number>();
  private readonly lastPushedAt = new Map<string, number>();
  private readonly ticks: PeriodicTask;
  private readonly shared: SharedSnapshots;
  private lastFailureLoggedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    snapshots: SnapshotService,
    private readonly metrics: PipelineMetrics,
  ) {
    this.shared = new SharedSnapshots(snapshots, config.live.pushIntervalMs);
    this.ticks = new PeriodicTask({ name: 'live push tick', everyMs: config.live.pushIntervalMs }, () => this.tick(), this.logger);
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
    sampleLiveGauges(this.metrics, namespace);
  }

  async onModuleInit(): Promise<void> {
    await subscribeReportsStored(
      this.subscriber,
      (event) => this.markDirty(event.gridCodes, event.acceptedAt),
      (problem) => this.logger.warn(`ignored a malformed reports-stored event: ${problem}`),
    );
    this.ticks.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.ticks.stop();
  }

  /** Sends the scope's current snapshot to one socket that just subscribed, from the computation it shares with the rest. */
  async sendCurrent(socketId: string, scope: ScopeSummary): Promise<void> {
    const snapshot = await this.shared.current(scope);
    this.namespace?.to(socketId).emit('snapshot', snapshot);
    const socket = this.namespace?.sockets.get(socketId);
    if (socket) socket.data.firstSnapshotAt ??= Date.now();
  }

  /** When the scope's room was last pushed a snapshot on the schedule (epoch ms); undefined before the first. */
  lastPushAt(scopeId: string): number | undefined {
    return this.lastPushedAt.get(scopeId);
  }

  private markDirty(gridCodes: readonly string[], acceptedAt: string | undefined): void {
    const subscribed = this.subscribedScopes();
    if (subscribed.size === 0) return;
    for (const gridCode of gridCodes) {
      for (const scope of lineageOf(scopeOfCode(gridCode))) {
        const id = formatScope(scope);
        if (!subscribed.has(id)) continue;
        this.dirty.add(id);
        if (acceptedAt !== undefined && !this.acceptedAtOfDirty.has(id)) this.acceptedAtOfDirty.set(id, Date.parse(acceptedAt));
      }
    }
  }

  private subscribedScopes(): Set<string> {
    const scopes = new Set<string>();
    for (const [room, members] of this.namespace?.adapter.rooms ?? []) {
      if (members.size > 0 && isSnapshotRoom(room)) scopes.add(room);
    }
    return scopes;
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    const subscribed = this.subscribedScopes();
    for (const scope of [...this.lastPushedAt.keys()]) if (!subscribed.has(scope)) this.lastPushedAt.delete(scope);
    for (const scope of [...this.dirty]) if (!subscribed.has(scope)) this.dirty.delete(scope);
    for (const scope of [...this.acceptedAtOfDirty.keys()]) if (!subscribed.has(scope)) this.acceptedAtOfDirty.delete(scope);
    this.shared.retainOnly(subscribed);

    for (const scopeId of subscribed) {
      const last = this.lastPushedAt.get(scopeId) ?? 0;
      const due =
        this.dirty.has(scopeId) ||
        now - last >= this.config.live.heartbeatMs ||
        Math.floor(now / MINUTE_MS) !== Math.floor(last / MINUTE_MS);
      if (!due) continue;
      const scope = this.reference.parseKnownScope(scopeId);
      if (!scope) continue;
      this.dirty.delete(scopeId);
      const acceptedAt = this.acceptedAtOfDirty.get(scopeId);
      this.acceptedAtOfDirty.delete(scopeId);
      try {
        const snapshot: Snapshot = await this.shared.compute(scope, now);
        this.namespace?.to(scopeId).emit('snapshot', snapshot);
        this.lastPushedAt.set(scopeId, now);
        if (acceptedAt !== undefined) this.metrics.snapshotPushed((Date.now() - acceptedAt) / 1000);
      } catch (error) {
        // The scope stays due, so it is retried next tick; screens see asOf age and turn stale meanwhile.
        this.dirty.add(scopeId);
        if (acceptedAt !== undefined) this.acceptedAtOfDirty.set(scopeId, Math.min(acceptedAt, this.acceptedAtOfDirty.get(scopeId) ?? acceptedAt));
        if (now - this.lastFailureLoggedAt > 10_000) {
          this.lastFailureLoggedAt = now;
          this.logger.warn(`cannot compute snapshot of ${scopeId}: ${(error as Error).message}`);
        }
      }
    }
  }
}
