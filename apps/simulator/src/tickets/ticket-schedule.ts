import type { PlannedEvent } from './lifecycle';

/** One ticket waiting for its next event: the whole plan, how far it has been played, and any retry hold-off. */
export interface ScheduledTicket {
  readonly ticketId: string;
  readonly events: readonly PlannedEvent[];
  /** Index of the first event not yet recorded by the server. */
  next: number;
  /** Failed attempts at the current request, for backoff and giving up. */
  attempts: number;
  /** Not before this instant, whatever the event's time: a retry's backoff. */
  notBeforeMs: number;
}

const dueOf = (entry: ScheduledTicket): number => Math.max(entry.events[entry.next]?.atMs ?? Number.POSITIVE_INFINITY, entry.notBeforeMs);

/**
 * A timer queue of tickets ordered by when their next event is due: a binary min-heap, so a week of open tickets
 * costs O(log n) per event rather than a timer each. Bounded: past `capacity` tickets `add` refuses and the caller
 * counts the overflow, so a long stress run cannot hoard memory for tickets that resolve days later.
 */
export class TicketSchedule {
  private readonly heap: ScheduledTicket[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.heap.length;
  }

  /** Queues a ticket from event `from` on; false when the queue is full or nothing is left to play. */
  add(ticketId: string, events: readonly PlannedEvent[], from = 0): boolean {
    if (from >= events.length) return true;
    if (this.heap.length >= this.capacity) return false;
    this.push({ ticketId, events, next: from, attempts: 0, notBeforeMs: 0 });
    return true;
  }

  /** Puts a ticket taken with `takeDue` back, e.g. after its request advanced it or failed and must wait. Never refused: it was counted in already. */
  requeue(entry: ScheduledTicket): void {
    if (entry.next < entry.events.length) this.push(entry);
  }

  /** When the earliest ticket is due, or null when the queue is empty. */
  nextDueMs(): number | null {
    const top = this.heap[0];
    return top === undefined ? null : dueOf(top);
  }

  /** Removes and returns up to `limit` tickets due at `nowMs`, earliest first. */
  takeDue(nowMs: number, limit: number): ScheduledTicket[] {
    const due: ScheduledTicket[] = [];
    while (due.length < limit) {
      const top = this.heap[0];
      if (top === undefined || dueOf(top) > nowMs) break;
      due.push(this.pop());
    }
    return due;
  }

  /** Empties the queue, returning how many tickets and events were still waiting. */
  clear(): { tickets: number; events: number } {
    const events = this.heap.reduce((sum, entry) => sum + entry.events.length - entry.next, 0);
    const tickets = this.heap.length;
    this.heap.length = 0;
    return { tickets, events };
  }

  private push(entry: ScheduledTicket): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    const key = dueOf(entry);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as ScheduledTicket;
      if (dueOf(above) <= key) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = entry;
  }

  private pop(): ScheduledTicket {
    const heap = this.heap;
    const top = heap[0] as ScheduledTicket;
    const last = heap.pop() as ScheduledTicket;
    if (heap.length === 0) return top;
    let index = 0;
    const key = dueOf(last);
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && dueOf(heap[right] as ScheduledTicket) < dueOf(heap[left] as ScheduledTicket) ? right : left;
      if (dueOf(heap[child] as ScheduledTicket) >= key) break;
      heap[index] = heap[child] as ScheduledTicket;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}
