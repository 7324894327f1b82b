import { setMaxListeners } from 'node:events';
import { MAX_EVENTS_PER_REQUEST } from '@grid-command/contracts';
import type { Random } from '../feed/prng';
import { LatencyHistogram } from '../run/latency-histogram';
import { backoffMs, type RetryPolicy } from '../run/retry-policy';
import type { PlannedEvent } from './lifecycle';
import type { EventPostOutcome, TicketEventSender } from './ticket-client';
import { toEventInput } from './ticket-events';
import { TicketSchedule, type ScheduledTicket } from './ticket-schedule';

export interface TicketPlayerSettings {
  /** Most event requests in flight at once. */
  readonly concurrency: number;
  /** Most tickets waiting for a future event; more are counted as overflow and not played. */
  readonly capacity: number;
  /** For 5xx, 429 and network failures. */
  readonly retry: RetryPolicy;
  /** 503 ticket_pending: the report is queued but not stored yet, which can take a while under load. */
  readonly pendingMaxAttempts: number;
  /** 404: the report may have been refused or posted elsewhere; a couple of tries, then give up. */
  readonly unknownMaxAttempts: number;
  /**
   * The name the server records on the events this player posts (its ingest key's). An event under any other name
   * is someone else working the ticket (the duty desk's 吹哨, an officer at the console), who then owns it.
   */
  readonly ownName: string;
}

export const DEFAULT_PLAYER_SETTINGS: Omit<TicketPlayerSettings, 'concurrency' | 'ownName'> = {
  capacity: 200_000,
  retry: { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 },
  pendingMaxAttempts: 30,
  unknownMaxAttempts: 3,
};

export interface TicketPlayerDeps {
  readonly sender: TicketEventSender;
  /** For backoff jitter only. */
  readonly random: Random;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

/** Events are counted one by one; tickets given up are counted per ticket, because the rest of the plan goes with them. */
export interface EventCounters {
  /** Tickets handed over with at least one event to play. */
  tickets: number;
  /** Events the server recorded (202). */
  recorded: number;
  /** Events it already had (200, or found in its history after a 409): a replay or a retry whose answer was lost. */
  duplicates: number;
  requests: number;
  retries: number;
  /** Tickets given up after a 409 their history did not explain. */
  conflicts: number;
  /** Tickets someone else took over (the duty desk's dispatch blew the whistle on them): their plan stops there, not an error. */
  handedOver: number;
  /** Tickets given up after repeated 404s. */
  unknown: number;
  /** Tickets given up after a 400/422. */
  rejected: number;
  /** Tickets given up after the last retry of a 5xx, 503 ticket_pending, 429 or network failure. */
  failed: number;
  /** Tickets never queued because the schedule was full. */
  overflow: number;
}

export function emptyEventCounters(): EventCounters {
  return { tickets: 0, recorded: 0, duplicates: 0, requests: 0, retries: 0, conflicts: 0, handedOver: 0, unknown: 0, rejected: 0, failed: 0, overflow: 0 };
}

type GiveUpCounter = 'conflicts' | 'unknown' | 'rejected' | 'failed';

export const eventErrorsOf = (counters: EventCounters): number => counters.conflicts + counters.unknown + counters.rejected + counters.failed;

export interface PlayerSummary {
  readonly totals: EventCounters;
  /** Tickets and events still in the future (or cut off) when the player stopped. */
  readonly leftOver: { readonly tickets: number; readonly events: number };
  readonly latency: { readonly p50: number | null; readonly p99: number | null };
  readonly errorReasons: ReadonlyMap<string, number>;
}

const TICK_MS = 100;
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatPlayerSummary(summary: PlayerSummary): string {
  const { totals, leftOver, latency } = summary;
  const ms = (value: number | null): string => (value === null ? '–' : `${integer.format(value)} ms`);
  const lines = [
    'ticket events',
    `  tickets played   ${integer.format(totals.tickets)} (${integer.format(totals.overflow)} not queued: schedule full)`,
    `  events recorded  ${integer.format(totals.recorded)} (+${integer.format(totals.duplicates)} the server already had)`,
    `  requests         ${integer.format(totals.requests)} (${integer.format(totals.retries)} retries)  p50 ${ms(latency.p50)}  p99 ${ms(latency.p99)}`,
    `  handed over      ${integer.format(totals.handedOver)} to whoever else acted on them (the duty desk's 吹哨, an officer)`,
    `  given up         ${integer.format(totals.conflicts)} conflicts (409), ${integer.format(totals.unknown)} unknown (404), ` +
      `${integer.format(totals.rejected)} rejected (4xx), ${integer.format(totals.failed)} failed (5xx/503/network)`,
    `  still planned    ${integer.format(leftOver.events)} events of ${integer.format(leftOver.tickets)} open tickets (not yet due, or cut off by the stop)`,
  ];
  for (const [reason, count] of summary.errorReasons) lines.push(`  error            ${integer.format(count)} × ${reason}`);
  return lines.join('\n');
}

/**
 * Plays planned ticket events against the API as their instants arrive. Each due ticket gets one request with
 * every event that is due (an array when several are, e.g. a backfilled ticket's whole past); a ticket is never
 * in flight twice, so its events reach the server in order. Retries wait in the schedule, not in a held
 * connection. Never throws: every failure is counted, the first of each kind printed.
 */
export class TicketPlayer {
  readonly totals = emptyEventCounters();
  readonly latency = new LatencyHistogram();
  private readonly schedule: TicketSchedule;
  private readonly errorReasons = new Map<string, number>();
  private readonly drain = new AbortController();
  private ticker: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private stopped = false;
  private intervalStart = emptyEventCounters();
  private intervalStartMs: number;

  constructor(private readonly settings: TicketPlayerSettings, private readonly deps: TicketPlayerDeps) {
    this.schedule = new TicketSchedule(settings.capacity);
    setMaxListeners(settings.concurrency * 2 + 8, this.drain.signal);
    this.intervalStartMs = deps.now();
  }

  /** The ticket part of a progress line, for the interval since the previous call. */
  progress(): string {
    const now = this.deps.now();
    const seconds = Math.max(0.001, (now - this.intervalStartMs) / 1_000);
    const delta = emptyEventCounters();
    for (const key of Object.keys(delta) as Array<keyof EventCounters>) delta[key] = this.totals[key] - this.intervalStart[key];
    this.intervalStart = { ...this.totals };
    this.intervalStartMs = now;
    return [
      `events ${integer.format(delta.recorded)}`,
      `dup ${integer.format(delta.duplicates)}`,
      `${decimal.format(delta.requests / seconds)} req/s`,
      `retries ${integer.format(delta.retries)}`,
      `given up ${integer.format(eventErrorsOf(delta))}`,
      `overflow ${integer.format(delta.overflow)}`,
      `open tickets queued ${integer.format(this.schedule.size)}`,
    ].join('  ');
  }

  /** Tickets waiting for a future (or retried) event. */
  get waiting(): number {
    return this.schedule.size;
  }

  get active(): number {
    return this.inFlight;
  }

  /** Hands over a ticket's plan, to be played from event `from` on (earlier ones are already recorded). */
  hand(ticketId: string, events: readonly PlannedEvent[], from = 0): void {
    if (this.stopped || from >= events.length) return;
    if (this.schedule.add(ticketId, events, from)) this.totals.tickets += 1;
    else this.totals.overflow += 1;
  }

  /** Plays events as they come due until `stop`. Progress lines count from here, not from a backfill before it. */
  start(): void {
    this.intervalStart = { ...this.totals };
    this.intervalStartMs = this.deps.now();
    this.ticker ??= setInterval(() => this.pump(), TICK_MS);
  }

  /** Resolves once nothing is due and nothing is in flight (future events may still wait), or `signal` aborts. */
  async settle(signal: AbortSignal): Promise<void> {
    for (;;) {
      this.pump();
      const due = this.schedule.nextDueMs();
      if (signal.aborted || (this.inFlight === 0 && (due === null || due > this.deps.now()))) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops playing; waits up to `drainMs` for requests in flight, then reports what was left unplayed. */
  async stop(drainMs: number): Promise<PlayerSummary> {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    const deadline = setTimeout(() => this.drain.abort(), drainMs);
    while (this.inFlight > 0 && !this.drain.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 20));
    clearTimeout(deadline);
    return {
      totals: { ...this.totals },
      leftOver: this.schedule.clear(),
      latency: { p50: this.latency.percentile(50), p99: this.latency.percentile(99) },
      errorReasons: new Map(this.errorReasons),
    };
  }

  private pump(): void {
    if (this.stopped) return;
    const free = this.settings.concurrency - this.inFlight;
    if (free <= 0) return;
    for (const entry of this.schedule.takeDue(this.deps.now(), free)) {
      this.inFlight += 1;
      void this.play(entry)
        .catch((error: unknown) => {
          this.giveUp('failed', `unexpected: ${String(error)}`);
        })
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }

  private async play(entry: ScheduledTicket): Promise<void> {
    const now = this.deps.now();
    let end = entry.next + 1;
    const last = Math.min(entry.events.length, entry.next + MAX_EVENTS_PER_REQUEST);
    while (end < last && (entry.events[end] as PlannedEvent).atMs <= now) end += 1;
    const batch = entry.events.slice(entry.next, end);
    const outcome = await this.deps.sender.post(entry.ticketId, batch.map(toEventInput), this.drain.signal);
    if (this.drain.signal.aborted) return;
    this.totals.requests += 1;
    this.latency.record(outcome.latencyMs);
    await this.handle(entry, outcome, end);
  }

  private async handle(entry: ScheduledTicket, outcome: EventPostOutcome, end: number): Promise<void> {
    switch (outcome.kind) {
      case 'recorded':
        this.totals.recorded += outcome.recorded;
        this.totals.duplicates += outcome.duplicates;
        this.advance(entry, end);
        return;
      case 'pending':
        this.retryLater(entry, outcome.reason, outcome.retryAfterMs, this.settings.pendingMaxAttempts, 'failed');
        return;
      case 'retryable':
        this.retryLater(entry, outcome.reason, outcome.retryAfterMs, this.settings.retry.maxAttempts, 'failed');
        return;
      case 'unknown':
        this.retryLater(entry, outcome.reason, null, this.settings.unknownMaxAttempts, 'unknown');
        return;
      case 'illegal':
        await this.reconcile(entry, `${outcome.reason}${outcome.currentState ? ` (ticket ${outcome.currentState})` : ''}`, 'conflicts');
        return;
      case 'rejected':
        // An event dated before the ticket's latest one is what a replay of an already-played ticket looks like.
        await this.reconcile(entry, outcome.reason, 'rejected');
        return;
    }
  }

  /**
   * The server disagrees with the plan. If its history already holds more of this plan than we thought (a
   * replayed seed, an answer lost in a timeout), skip what it has and go on; if someone else has acted on the
   * ticket (the duty desk, an officer), it is theirs now; otherwise give the ticket up.
   */
  private async reconcile(entry: ScheduledTicket, reason: string, counter: GiveUpCounter): Promise<void> {
    const lookup = await this.deps.sender.lookup(entry.ticketId, this.drain.signal);
    if (lookup.kind === 'failed') {
      this.retryLater(entry, `${reason}; then GET failed: ${lookup.reason}`, null, this.settings.retry.maxAttempts, counter);
      return;
    }
    const recorded = lookup.kind === 'found' ? recordedPrefix(entry.events, lookup.history) : 0;
    if (recorded > entry.next) {
      this.totals.duplicates += recorded - entry.next;
      this.advance(entry, recorded);
      return;
    }
    if (lookup.kind === 'found' && lookup.history.some((event) => event.actor !== this.settings.ownName)) {
      this.totals.handedOver += 1;
      return;
    }
    this.giveUp(counter, reason);
  }

  private advance(entry: ScheduledTicket, next: number): void {
    entry.next = next;
    entry.attempts = 0;
    entry.notBeforeMs = 0;
    this.schedule.requeue(entry);
  }

  private retryLater(entry: ScheduledTicket, reason: string, waitMs: number | null, maxAttempts: number, counter: GiveUpCounter): void {
    entry.attempts += 1;
    if (entry.attempts >= maxAttempts || this.stopped) {
      this.giveUp(counter, reason);
      return;
    }
    this.note(reason);
    this.totals.retries += 1;
    entry.notBeforeMs = this.deps.now() + (waitMs ?? backoffMs(this.settings.retry, entry.attempts, this.deps.random));
    this.schedule.requeue(entry);
  }

  private giveUp(counter: GiveUpCounter, reason: string): void {
    this.totals[counter] += 1;
    this.note(reason);
  }

  /** Prints a reason the first time it is seen; the summary counts them. */
  private note(reason: string): void {
    const seen = this.errorReasons.get(reason) ?? 0;
    if (seen === 0) this.deps.log(`warning (ticket events): ${reason}`);
    this.errorReasons.set(reason, seen + 1);
  }
}

/** How many of the plan's events, from the first, the server's history already holds (same type at the same instant). */
export function recordedPrefix(events: readonly PlannedEvent[], history: ReadonlyArray<{ readonly type: string; readonly atMs: number }>): number {
  const keys = new Set(history.map((event) => `${event.type}@${event.atMs}`));
  let count = 0;
  while (count < events.length && keys.has(`${(events[count] as PlannedEvent).type}@${(events[count] as PlannedEvent).atMs}`)) count += 1;
  return count;
}
