import { performance } from 'node:perf_hooks';
import { apiErrorSchema, type TicketEventInput, type TicketState } from '@grid-command/contracts';
import { z } from 'zod';
import { authorizedHeaders, type BearerSource } from '../auth/bearer';
import { networkReason } from '../run/ingest-client';
import { retryAfterMs } from '../run/retry-after';

/** What became of one `POST /api/v1/tickets/{id}/events`; every outcome is a value, the client never throws. */
export type EventPostOutcome =
  /** 202 (some recorded) or 200 (all already recorded: a replay, or a retry whose first answer was lost). */
  | { readonly kind: 'recorded'; readonly recorded: number; readonly duplicates: number; readonly latencyMs: number }
  /** 409: the ticket is not where the plan expects it; `currentState` says where it is. */
  | { readonly kind: 'illegal'; readonly currentState: TicketState | null; readonly reason: string; readonly latencyMs: number }
  /** 404: the server has no such ticket. */
  | { readonly kind: 'unknown'; readonly reason: string; readonly latencyMs: number }
  /** 503 ticket_pending: the report is accepted but not stored yet; try again after `retryAfterMs`. */
  | { readonly kind: 'pending'; readonly retryAfterMs: number | null; readonly reason: string; readonly latencyMs: number }
  /** Another 5xx, 429 or a network failure: worth another try with the same body. */
  | { readonly kind: 'retryable'; readonly retryAfterMs: number | null; readonly reason: string; readonly latencyMs: number }
  /** 400/422 and other 4xx: the same body would fail the same way. */
  | { readonly kind: 'rejected'; readonly reason: string; readonly latencyMs: number };

/** A recorded event as far as the simulator cares: which one it is, and who recorded it (the principal's name). */
export interface RecordedEvent {
  readonly type: string;
  readonly atMs: number;
  readonly actor: string;
}

export type TicketLookup =
  | { readonly kind: 'found'; readonly state: TicketState; readonly history: readonly RecordedEvent[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface TicketEventSender {
  post(ticketId: string, events: readonly TicketEventInput[], signal: AbortSignal): Promise<EventPostOutcome>;
  lookup(ticketId: string, signal: AbortSignal): Promise<TicketLookup>;
}

/** Only the fields the simulator reads, loosely: the full contract is the server's to enforce. */
const ticketViewShape = z.object({
  ticket: z.object({ state: z.string() }),
  history: z.array(z.object({ type: z.string(), at: z.string(), actor: z.string() })),
});

const countsShape = z.object({ recorded: z.int().nonnegative(), duplicates: z.int().nonnegative() });

/**
 * The credentials of a ticket client: events go out as their source system (the ingest key) or as the duty officer
 * who acted; reading a ticket takes a user's rights (a key may only write).
 */
export interface TicketCredentials {
  readonly events: BearerSource;
  readonly reads: BearerSource;
}

/** `POST /api/v1/tickets/{id}/events` with one event as an object or several as an array, and `GET /api/v1/tickets/{id}`. */
export class TicketClient implements TicketEventSender {
  private readonly base: URL;

  constructor(baseUrl: string, private readonly credentials: TicketCredentials, private readonly timeoutMs = 10_000) {
    this.base = new URL('/api/v1/tickets/', baseUrl);
  }

  async post(ticketId: string, events: readonly TicketEventInput[], signal: AbortSignal): Promise<EventPostOutcome> {
    const started = performance.now();
    const latency = (): number => performance.now() - started;
    try {
      const response = await fetch(new URL(`${encodeURIComponent(ticketId)}/events`, this.base), {
        method: 'POST',
        headers: await authorizedHeaders(this.credentials.events, true),
        body: JSON.stringify(events.length === 1 ? events[0] : events),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      const body: unknown = await response.json().catch(() => null);
      const latencyMs = latency();
      if (response.status === 200 || response.status === 202) {
        const counts = countsShape.safeParse(body);
        if (counts.success) return { kind: 'recorded', ...counts.data, latencyMs };
        // Without the counts the status still says which: 200 only when every event was known already.
        return response.status === 200
          ? { kind: 'recorded', recorded: 0, duplicates: events.length, latencyMs }
          : { kind: 'recorded', recorded: events.length, duplicates: 0, latencyMs };
      }
      const error = apiErrorSchema.safeParse(body);
      const reason = error.success ? `${response.status} ${error.data.error}: ${error.data.message}` : `${response.status} ${response.statusText}`;
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (response.status === 409) return { kind: 'illegal', currentState: error.data?.currentState ?? null, reason, latencyMs };
      if (response.status === 404) return { kind: 'unknown', reason, latencyMs };
      if (response.status === 503 && error.data?.error === 'ticket_pending') return { kind: 'pending', retryAfterMs: wait, reason, latencyMs };
      if (response.status === 429 || response.status >= 500) return { kind: 'retryable', retryAfterMs: wait, reason, latencyMs };
      return { kind: 'rejected', reason, latencyMs };
    } catch (error) {
      return { kind: 'retryable', retryAfterMs: null, reason: networkReason(error), latencyMs: latency() };
    }
  }

  async lookup(ticketId: string, signal: AbortSignal): Promise<TicketLookup> {
    try {
      const response = await fetch(new URL(encodeURIComponent(ticketId), this.base), {
        headers: await authorizedHeaders(this.credentials.reads, false),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      if (response.status === 404) return { kind: 'missing' };
      if (!response.ok) {
        // 503 ticket_pending reads as "not there yet" to whoever is waiting for it.
        return response.status === 503 ? { kind: 'missing' } : { kind: 'failed', reason: `${response.status} ${response.statusText}` };
      }
      const view = ticketViewShape.safeParse(await response.json());
      if (!view.success) return { kind: 'failed', reason: `${response.status} with an unexpected body` };
      return {
        kind: 'found',
        state: view.data.ticket.state as TicketState,
        history: view.data.history.map((event) => ({ type: event.type, atMs: Date.parse(event.at), actor: event.actor })),
      };
    } catch (error) {
      return { kind: 'failed', reason: networkReason(error) };
    }
  }
}
