import { ErrorHandler, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { KpiResponse, SubscribeAck } from '@grid-command/contracts';
import { kpiResponseFixture, workflowFiguresFixture } from '@grid-command/contracts/testing';
import { ApiClient } from '../../shared/data/api-client.service';
import type { LiveSocket } from '../../shared/data/scoped-live-link';
import { KpiFeedService } from './kpi-feed.service';
import { LiveSnapshotService } from './live-snapshot.service';

const DISTRICT = 'district:450103';
const STREET = 'street:450103001';
type Ack = (timeout: Error | null, ack?: SubscribeAck) => void;

/** The wall's socket as the feed uses it: listeners, whether connected, and the emits it made (with their acks). */
class FakeSocket {
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  readonly watches: { request: unknown; ack: Ack }[] = [];
  readonly unwatches: unknown[] = [];
  connected = false;

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  timeout(): { emit: (event: string, request: unknown, ack: Ack) => void } {
    return { emit: (_event, request, ack) => this.watches.push({ request, ack }) };
  }

  emit(event: string, request: unknown): this {
    if (event === 'unwatchKpis') this.unwatches.push(request);
    return this;
  }

  /** Acknowledges the latest watch as the server does. */
  accept(heartbeatMs = 30_000): void {
    const watch = this.watches.at(-1);
    watch?.ack(null, { ok: true, scope: String((watch.request as { scope: string }).scope), heartbeatMs });
  }
}

function kpis(scope: string, reported: number): KpiResponse {
  return kpiResponseFixture({ scope, period: 'today', generatedAt: new Date().toISOString(), current: workflowFiguresFixture({ reported }) });
}

describe('KpiFeedService: KPIs pushed over the wall’s socket, not polled', () => {
  let socket: FakeSocket;
  let restGets: string[];
  let restAnswer: () => Promise<KpiResponse>;
  const snapshotsSilent = signal(false);

  function feed(): KpiFeedService {
    TestBed.configureTestingModule({
      providers: [
        KpiFeedService,
        {
          provide: LiveSnapshotService,
          useValue: { carry: (ride: (socket: LiveSocket) => void) => ride(socket as unknown as LiveSocket), silent: snapshotsSilent.asReadonly() },
        },
        { provide: ApiClient, useValue: { get: (path: string) => (restGets.push(path), restAnswer()) } },
        { provide: ErrorHandler, useValue: { handleError: () => undefined } },
      ],
    });
    return TestBed.inject(KpiFeedService);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    socket = new FakeSocket();
    restGets = [];
    restAnswer = async () => kpis(DISTRICT, 7);
    snapshotsSilent.set(false);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('watches on connect, shows what is pushed, and makes no request over REST', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect');
    expect(socket.watches.map((watch) => watch.request)).toEqual([{ scope: DISTRICT, period: 'today' }]);
    socket.accept();
    socket.fire('kpis', kpis(DISTRICT, 3));
    expect(service.state()).toMatchObject({ data: { current: { reported: 3 } }, lastFetchFailed: false });
    socket.fire('kpis', kpis(DISTRICT, 4));
    expect(service.state().data?.current.reported).toBe(4);
    jest.advanceTimersByTime(10 * 60_000);
    expect(restGets).toEqual([]);
  });

  it('moves the watch to a new scope on the same socket and ignores the old scope’s late pushes', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect');
    socket.accept();
    socket.fire('kpis', kpis(DISTRICT, 3));
    service.start(STREET, { kind: 'today' });
    expect(service.state().data).toBeNull();
    expect(socket.unwatches).toEqual([{ scope: DISTRICT, period: 'today' }]);
    expect(socket.watches.at(-1)?.request).toEqual({ scope: STREET, period: 'today' });
    socket.fire('kpis', kpis(DISTRICT, 9));
    expect(service.state().data).toBeNull();
    socket.fire('kpis', kpis(STREET, 1));
    expect(service.state().data?.scope).toBe(STREET);
  });

  it('says the figures are not arriving once a heartbeat is overdue, and again live when one comes', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect');
    socket.accept(30_000);
    socket.fire('kpis', kpis(DISTRICT, 3));
    jest.advanceTimersByTime(30_000);
    expect(service.state().lastFetchFailed).toBe(false);
    jest.advanceTimersByTime(10_000);
    expect(service.state()).toMatchObject({ data: { current: { reported: 3 } }, lastFetchFailed: true });
    socket.fire('kpis', kpis(DISTRICT, 3));
    expect(service.state().lastFetchFailed).toBe(false);
  });

  it('is out of date as soon as the snapshots on the same socket go silent, and watches again once they speak', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect');
    socket.accept();
    socket.fire('kpis', kpis(DISTRICT, 3));
    snapshotsSilent.set(true);
    TestBed.tick();
    expect(service.state().lastFetchFailed).toBe(true);
    snapshotsSilent.set(false);
    TestBed.tick();
    expect(socket.watches).toHaveLength(2);
    expect(service.state().lastFetchFailed).toBe(false);
  });

  it('marks the figures out of date while the socket is down and watches again after reconnecting', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect');
    socket.accept();
    socket.fire('kpis', kpis(DISTRICT, 3));
    socket.fire('disconnect', 'transport close');
    expect(service.state()).toMatchObject({ data: { current: { reported: 3 } }, lastFetchFailed: true });
    // Figures are shown: no REST request to replace them.
    expect(restGets).toEqual([]);
    socket.fire('connect');
    expect(socket.watches).toHaveLength(2);
    socket.accept();
    socket.fire('kpis', kpis(DISTRICT, 4));
    expect(service.state()).toMatchObject({ data: { current: { reported: 4 } }, lastFetchFailed: false });
  });

  it('fetches once over REST when the socket cannot be had and nothing is shown, never again on retries', async () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect_error', new Error('xhr poll error'));
    socket.fire('connect_error', new Error('xhr poll error'));
    await Promise.resolve();
    await Promise.resolve();
    expect(restGets).toEqual([`/api/v1/kpis?scope=${encodeURIComponent(DISTRICT)}&period=today`]);
    expect(service.state()).toMatchObject({ data: { current: { reported: 7 } }, lastFetchFailed: true });
    jest.advanceTimersByTime(10 * 60_000);
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(restGets).toHaveLength(1);
  });

  it('is unavailable when neither the socket nor the one REST request gives figures', async () => {
    restAnswer = () => Promise.reject(new Error('503'));
    const service = feed();
    service.start(DISTRICT, { kind: 'today' });
    socket.fire('connect_error', new Error('xhr poll error'));
    await Promise.resolve();
    await Promise.resolve();
    expect(service.state()).toEqual({ data: null, lastFetchFailed: true });
  });

  it('retries a refused watch and says so meanwhile', () => {
    const service = feed();
    service.start(DISTRICT, { kind: 'week' });
    socket.fire('connect');
    socket.watches.at(-1)?.ack(null, { ok: false, error: 'rate_limited', message: 'slow down' });
    expect(service.state().lastFetchFailed).toBe(true);
    jest.advanceTimersByTime(1_000);
    expect(socket.watches).toHaveLength(2);
    expect(socket.watches.at(-1)?.request).toEqual({ scope: DISTRICT, period: 'week' });
  });
});
