/**
 * Officers working tickets (报单 → 派单 → 签收 → 办结 → 验单): each officer VU posts a report, polls
 * `GET /api/v1/tickets/{id}` until the ticket exists (a `503 ticket_pending` is answered for a report still
 * being stored: wait as `Retry-After` says), then records dispatched, accepted, resolved and verified one
 * request at a time, as the officers' app does, checking every answer. Meanwhile a few walls read the
 * district's KPIs. Measures event latency, how long a report takes to become a ticket, and KPI reads.
 * Reports and events go out with the ingest key (the officers' app is a source system: the server records the
 * key's name as the actor); reading tickets and KPIs takes a user of the district.
 */
import { check, sleep } from 'k6';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { kpiResponseSchema, ticketEventsAcceptedSchema, ticketViewSchema, type TicketEventInput, type TicketState } from '@grid-command/contracts';
import { ingestHeaders, requireIngestKey, signInUser, userHeaders, type UserSession } from './lib/credentials';
import { districtScope as district } from './lib/district';
import { BASE_URL, durationFromEnv, numberFromEnv, secondsOf } from './lib/env';
import { lastPostRefusedForLoad, postReports, requireReady } from './lib/ingest';
import { jsonOf } from './lib/json';

const OFFICERS = numberFromEnv('OFFICERS', 20, 1, 10_000);
const THINK_SECONDS = numberFromEnv('THINK_SECONDS', 1, 0, 600);
const PENDING_TIMEOUT_SECONDS = numberFromEnv('PENDING_TIMEOUT_SECONDS', 30, 1, 600);
const KPI_READS_PER_MINUTE = numberFromEnv('KPI_READS_PER_MINUTE', 30, 0, 60_000);
const DURATION = durationFromEnv('DURATION', '5m');
/** A 503 on an event (queue briefly unavailable) is retried with the same body: events are idempotent on (type, at). */
const EVENT_ATTEMPTS = 3;

const EVENTS_ROUTE = 'POST /api/v1/tickets/{id}/events';
const TICKET_ROUTE = 'GET /api/v1/tickets/{id}';
const KPI_ROUTE = 'GET /api/v1/kpis';

/** From the report's 202 until `GET /api/v1/tickets/{id}` answered 200. */
const ticketReady = new Trend('ticket_ready', true);
const eventsRecorded = new Counter('ticket_events_recorded');
const ticketsVerified = new Counter('tickets_verified');
/** One sample per life: the share of tickets that did not get from the report to 验单. */
const lifeFailures = new Rate('ticket_life_failures');

const GRACEFUL_STOP_SECONDS = Math.ceil(PENDING_TIMEOUT_SECONDS + 4 * THINK_SECONDS + 10);

export const options: Options = {
  scenarios: {
    officers: { executor: 'constant-vus', vus: OFFICERS, duration: DURATION, exec: 'ticketLife', gracefulStop: `${GRACEFUL_STOP_SECONDS}s` },
    ...(KPI_READS_PER_MINUTE > 0
      ? {
          kpi_readers: {
            executor: 'constant-arrival-rate' as const,
            rate: KPI_READS_PER_MINUTE,
            timeUnit: '1m',
            duration: DURATION,
            preAllocatedVUs: 2,
            maxVUs: 10,
            exec: 'readKpis',
          },
        }
      : {}),
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    [`http_req_duration{name:${EVENTS_ROUTE}}`]: ['p(95)<500', 'p(99)<1500'],
    [`http_req_duration{name:${TICKET_ROUTE}}`]: ['p(95)<300'],
    'http_req_duration{name:POST /api/v1/reports}': ['p(95)<300'],
    ...(KPI_READS_PER_MINUTE > 0 ? { 'http_req_duration{scenario:kpi_readers}': ['p(95)<1000', 'p(99)<2000'] } : {}),
    ticket_ready: ['p(95)<5000'],
    ticket_life_failures: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

export function setup(): UserSession {
  requireReady();
  requireIngestKey(district);
  return signInUser('leader', district, secondsOf(DURATION) + GRACEFUL_STOP_SECONDS);
}

function retryAfterSeconds(response: RefinedResponse<ResponseType | undefined>): number {
  const seconds = Number(response.headers['Retry-After']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) : 1;
}

/** Polls the ticket until it exists; `503 ticket_pending` is expected for a report still being stored. */
function awaitTicket(session: UserSession, id: string): boolean {
  const postedAt = Date.now();
  const deadline = postedAt + PENDING_TIMEOUT_SECONDS * 1_000;
  for (;;) {
    const response = http.get(`${BASE_URL}/api/v1/tickets/${id}`, {
      headers: userHeaders(session),
      tags: { name: TICKET_ROUTE },
      responseCallback: http.expectedStatuses(200, 503),
    });
    if (response.status === 200) {
      ticketReady.add(Date.now() - postedAt);
      const view = ticketViewSchema.safeParse(jsonOf(response));
      return check(response, {
        'ticket: exists once reported': () => true,
        'ticket: reported, matching the contract': () => view.success && view.data.ticket.id === id && view.data.ticket.state === 'reported',
      });
    }
    const pending = response.status === 503 && (jsonOf(response) as { error?: unknown } | null)?.error === 'ticket_pending';
    if (!pending || Date.now() >= deadline) {
      check(response, { 'ticket: exists once reported': () => false });
      return false;
    }
    sleep(retryAfterSeconds(response));
  }
}

/** Records one event and checks the answer: 202, one event recorded, the ticket now in `expected`. */
function record(id: string, event: TicketEventInput, expected: TicketState): boolean {
  for (let attempt = 1; ; attempt += 1) {
    const response = http.post(`${BASE_URL}/api/v1/tickets/${id}/events`, JSON.stringify(event), {
      headers: { ...ingestHeaders(), 'content-type': 'application/json' },
      tags: { name: EVENTS_ROUTE, event: event.type },
      responseCallback: http.expectedStatuses(202),
    });
    if (response.status === 503 && attempt < EVENT_ATTEMPTS) {
      sleep(retryAfterSeconds(response));
      continue;
    }
    const answer = ticketEventsAcceptedSchema.safeParse(jsonOf(response));
    const passed = check(response, {
      [`event ${event.type}: 202 recorded`]: (r) => r.status === 202,
      [`event ${event.type}: recorded once, ticket ${expected}`]: () =>
        answer.success && answer.data.recorded === 1 && answer.data.duplicates === 0 && answer.data.ticket.state === expected,
    });
    if (answer.success) eventsRecorded.add(answer.data.recorded);
    return passed;
  }
}

/** One ticket's life through the officers' app, with a pause between actions. */
export function ticketLife(session: UserSession): void {
  const id = postReports(1)[0]?.id;
  // Shed by the server for load: the report goes again next iteration; a backpressure figure, not a failed life.
  if (id === undefined && lastPostRefusedForLoad()) return;
  if (id === undefined || !awaitTicket(session, id)) {
    lifeFailures.add(true);
    return;
  }
  const steps: ReadonlyArray<readonly [Omit<TicketEventInput, 'at'>, TicketState]> = [
    [{ type: 'dispatched', department: '城市管理局' }, 'dispatched'],
    [{ type: 'accepted' }, 'accepted'],
    [{ type: 'resolved' }, 'resolved'],
    [{ type: 'verified', satisfaction: 'satisfied' }, 'verified'],
  ];
  for (const [event, expected] of steps) {
    sleep(THINK_SECONDS);
    if (!record(id, { ...event, at: new Date().toISOString() }, expected)) {
      lifeFailures.add(true);
      return;
    }
  }
  ticketsVerified.add(1);
  lifeFailures.add(false);
}

/** A wall polling its district's KPIs, mostly today's, sometimes the week's. */
export function readKpis(session: UserSession): void {
  const period = Math.random() < 0.7 ? 'today' : 'week';
  const response = http.get(`${BASE_URL}/api/v1/kpis?scope=${encodeURIComponent(district)}&period=${period}`, {
    headers: userHeaders(session),
    tags: { name: KPI_ROUTE, period },
  });
  const kpis = kpiResponseSchema.safeParse(jsonOf(response));
  check(response, {
    'kpis: 200': (r) => r.status === 200,
    'kpis: match the contract': () => kpis.success && kpis.data.scope === district && kpis.data.period === period,
  });
}
