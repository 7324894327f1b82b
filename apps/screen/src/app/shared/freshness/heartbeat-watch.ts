import { signal } from '@angular/core';

/**
 * How late a heartbeat may be before the stream counts as silent: the server checks what is due every push interval
 * (500 ms) and then computes the snapshot, and a busy server is slower still.
 */
export const HEARTBEAT_GRACE_MS = 2000;

/** When a stream whose last message arrived at `arrivedAtMs` and which promises one every `everyMs` turns silent. */
export function silenceDeadlineMs(arrivedAtMs: number, everyMs: number): number {
  return arrivedAtMs + everyMs + HEARTBEAT_GRACE_MS;
}

/**
 * Watches a stream the server sends at least every so often, with a timer of its own set at the deadline: the wall's
 * one-second clock would add up to a second to the moment a silent link is flagged.
 */
export class HeartbeatWatch {
  private readonly silentSignal = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private arrivedAtMs: number | null = null;

  /** True once a heartbeat is overdue (socket.io may still say connected); false again when a message arrives. */
  readonly silent = this.silentSignal.asReadonly();

  constructor(private everyMs: number) {}

  arrived(): void {
    this.arrivedAtMs = Date.now();
    this.silentSignal.set(false);
    this.schedule();
  }

  /** The interval the server announced; the deadline of the message awaited moves with it. */
  expectEvery(everyMs: number): void {
    this.everyMs = everyMs;
    this.schedule();
  }

  /** Nothing awaited any more (another scope, before its first message): not silent. */
  reset(): void {
    clearTimeout(this.timer);
    this.arrivedAtMs = null;
    this.silentSignal.set(false);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.arrivedAtMs === null) return;
    const dueInMs = silenceDeadlineMs(this.arrivedAtMs, this.everyMs) - Date.now();
    this.timer = setTimeout(() => this.silentSignal.set(true), Math.max(0, dueInMs));
  }
}
