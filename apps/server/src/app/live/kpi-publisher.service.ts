import { isKpiRoom, kpiRequestOfRoom, type KpiResponse, type KpiWatchRequest } from '@grid-command/contracts';
import { formatScope, lineageOf, scopeOfCode } from '@grid-command/domain';
import { subscribeReportsStored, subscribeTicketEventsStored } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { APP_CONFIG, REDIS_SUBSCRIBER } from '../infrastructure/tokens';
import { KpiService } from '../kpis';
import { kpiFingerprint } from './kpi-fingerprint';
import { KpiPushSchedule } from './kpi-push-schedule';
import type { LiveNamespace } from './live-namespace';

/** At most one computation per watched scope and period in this window, however fast reports and events arrive. */
export const KPI_MIN_RECOMPUTE_MS = 2_000;
const FAILURE_LOG_EVERY_MS = 10_000;

interface Computed {
  readonly kpis: KpiResponse;
  readonly pushedToRoom: boolean;
}

/**
 * Pushes each watched scope's workflow KPIs (`kpis`) to its room: computed once for all its watchers, when reports
 * or ticket events were stored in the scope or under it (announced over Redis, so the worker may be another
 * process), when a new minute begins, and on the heartbeat; pushed when the figures changed, and on the heartbeat.
 * A new watcher gets the room's latest figures at once when they still stand, else joins the computation in flight.
 */
@Injectable()
export class KpiPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(KpiPublisher.name);
  private namespace: LiveNamespace | null = null;
  private readonly schedule: KpiPushSchedule;
  private readonly latest = new Map<string, KpiResponse>();
  private readonly inFlight = new Map<string, Promise<Computed>>();
  private readonly ticks: PeriodicTask;
  private lastFailureLoggedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    private readonly kpis: KpiService,
  ) {
    this.schedule = new KpiPushSchedule({ minIntervalMs: KPI_MIN_RECOMPUTE_MS, heartbeatMs: config.live.kpiHeartbeatMs });
    this.ticks = new PeriodicTask({ name: 'kpi push tick', everyMs: config.live.pushIntervalMs }, () => this.tick(), this.logger);
  }

  get heartbeatMs(): number {
    return this.config.live.kpiHeartbeatMs;
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  async onModuleInit(): Promise<void> {
    const ignore = (what: string) => (problem: string) => this.logger.warn(`ignored a malformed ${what} event: ${problem}`);
    await subscribeReportsStored(this.subscriber, (event) => this.markChanged(event.gridCodes), ignore('reports-stored'));
    await subscribeTicketEventsStored(this.subscriber, (event) => this.markChanged(event.gridCodes), ignore('ticket-events-stored'));
    this.ticks.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.ticks.stop();
  }

  /** Sends the room's current KPIs to one socket that just joined it, from the computation the room shares. */
  async sendCurrent(socketId: string, room: string, request: KpiWatchRequest): Promise<void> {
    const latest = this.latest.get(room);
    if (latest && this.schedule.isCurrent(room, Date.now())) {
      this.namespace?.to(socketId).emit('kpis', latest);
      return;
    }
    const { kpis, pushedToRoom } = await (this.inFlight.get(room) ?? this.compute(room, request));
    // The socket is in the room already: a result pushed there reached it.
    if (!pushedToRoom) this.namespace?.to(socketId).emit('kpis', kpis);
  }

  private markChanged(gridCodes: readonly string[]): void {
    const watched = this.watchedRooms();
    if (watched.size === 0) return;
    const touched = new Set(gridCodes.flatMap((gridCode) => lineageOf(scopeOfCode(gridCode)).map(formatScope)));
    for (const room of watched) {
      const request = kpiRequestOfRoom(room);
      if (request && touched.has(request.scope)) this.schedule.changed(room);
    }
  }

  private watchedRooms(): Set<string> {
    const rooms = new Set<string>();
    for (const [room, members] of this.namespace?.adapter.rooms ?? []) if (members.size > 0 && isKpiRoom(room)) rooms.add(room);
    return rooms;
  }

  private async tick(): Promise<void> {
    const watched = this.watchedRooms();
    this.schedule.retainOnly(watched);
    for (const room of this.latest.keys()) if (!watched.has(room)) this.latest.delete(room);
    for (const room of this.schedule.due(watched, Date.now())) {
      const request = kpiRequestOfRoom(room);
      if (request) await this.compute(room, request).catch(() => undefined);
    }
  }

  /** Computes the room's KPIs once, pushes them to the room when they changed (or on the heartbeat), keeps them as the latest. */
  private compute(room: string, request: KpiWatchRequest): Promise<Computed> {
    const startedAt = Date.now();
    this.schedule.started(room, startedAt);
    const computation = this.kpis.kpis({ ...request }, new Date(startedAt)).then(
      (kpis) => {
        this.latest.set(room, kpis);
        const pushedToRoom = this.schedule.finished(room, kpiFingerprint(kpis), Date.now());
        if (pushedToRoom) this.namespace?.to(room).emit('kpis', kpis);
        return { kpis, pushedToRoom };
      },
      (error: Error) => {
        this.schedule.failed(room);
        if (Date.now() - this.lastFailureLoggedAt > FAILURE_LOG_EVERY_MS) {
          this.lastFailureLoggedAt = Date.now();
          this.logger.warn(`cannot compute the KPIs of ${room}: ${error.message}`);
        }
        throw error;
      },
    );
    this.inFlight.set(room, computation);
    const settled = (): void => {
      if (this.inFlight.get(room) === computation) this.inFlight.delete(room);
    };
    computation.then(settled, settled);
    return computation;
  }
}
