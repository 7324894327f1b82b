/**
 * The tickets phase of `npm run bench`: reports posted in bulk become tickets, then events are posted in a
 * closed loop, as whole lives (one array per ticket) and as single events, re-sent to check idempotency,
 * and followed into the KPIs to check that ClickHouse counts each acknowledged event once.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { kpiResponseSchema, type KpiResponse, type TicketEventInput } from '@grid-command/contracts';
import { localDayOf } from '@grid-command/domain';
import { percentilesOf, type TicketDrainCheck, type TicketEventRun, type TicketFigures } from '../src/bench-result';
import type { GridSite } from '../src/grid-sites';
import { makeBatch } from '../src/report-factory';
import type { BenchClients } from './credentials';
import type { KeepAliveClient } from './http-client';
import { IngestLedger, postBody, type PreparedBody } from './ingest';
import { DISTRICT_SCOPE } from './snapshot-watch';

export interface TicketPlan {
  readonly connections: number;
  readonly timeZone: string;
  /** Reports posted for the phase, `reportsPerRequest` per request. */
  readonly reports: number;
  readonly reportsPerRequest: number;
  /** How long before now the reports say they were made, so dispatch comes after them (and after their SLA start). */
  readonly reportedAgoMs: number;
  /** Tickets given a whole life (the rest get one dispatch each), and each run's time limit. */
  readonly lives: number;
  readonly livesSeconds: number;
  readonly singlesSeconds: number;
  /** Acknowledged requests of each run kept to be re-sent unchanged. */
  readonly resendPerRun: number;
  readonly readyTimeoutMs: number;
  readonly drainTimeoutMs: number;
  /** After the KPIs first count everything, keep reading this long, so a count that overshoots is seen. */
  readonly settleMs: number;
  readonly kpiSamples: number;
}

interface EventBody {
  readonly ticketId: string;
  readonly json: string;
  readonly events: number;
}

interface EventPostResult {
  readonly acknowledged: boolean;
  readonly status: number;
  readonly recorded: number;
  readonly latenciesMs: readonly number[];
  readonly errors: number;
}

/** Tallies over every event request of the phase: what the KPIs must show once the pipeline is drained. */
class EventLedger {
  readonly dispatched = new Set<string>();
  readonly verified = new Set<string>();
  expectedEvents = 0;
  recordedAnswers = 0;
  unacknowledged = 0;
  lastAcknowledgedAt = 0;
  firstEventAt = Number.POSITIVE_INFINITY;
  lastEventAt = 0;
}

const MAX_ATTEMPTS = 5;
const iso = (ms: number): string => new Date(ms).toISOString();

function counts(body: unknown): { recorded: number; duplicates: number } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { recorded, duplicates } = body as { recorded?: unknown; duplicates?: unknown };
  return Number.isInteger(recorded) && Number.isInteger(duplicates) ? { recorded: recorded as number, duplicates: duplicates as number } : null;
}

/** 报单 → 派单 → 签收 → 办结 → 验单 in one request, a millisecond apart, starting now. */
function wholeLife(ticketId: string, now: number): EventBody {
  const events: TicketEventInput[] = [
    { type: 'dispatched', at: iso(now), department: '城市管理局' },
    { type: 'accepted', at: iso(now + 1) },
    { type: 'resolved', at: iso(now + 2) },
    { type: 'verified', at: iso(now + 3), satisfaction: 'satisfied' },
  ];
  return { ticketId, json: JSON.stringify(events), events: events.length };
}

function dispatchOnly(ticketId: string, now: number): EventBody {
  const event: TicketEventInput = { type: 'dispatched', at: iso(now), department: '城市管理局' };
  return { ticketId, json: JSON.stringify(event), events: 1 };
}

/**
 * Posts one event request as a careful client does: 503 (ticket_pending or unavailable), other 5xx and network
 * errors are retried with the same body, after Retry-After when given; the events are idempotent on (type, at).
 */
async function postEvents(client: KeepAliveClient, body: EventBody): Promise<EventPostResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let status = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    let waitMs = 100 * 2 ** (attempt - 1);
    try {
      const answer = await client.send('POST', `/api/v1/tickets/${body.ticketId}/events`, body.json);
      latenciesMs.push(answer.ms);
      status = answer.status;
      const answered = answer.status === 200 || answer.status === 202 ? counts(answer.body) : null;
      if (answered) return { acknowledged: true, status, recorded: answered.recorded, latenciesMs, errors };
      errors += 1;
      if (answer.status < 500 && answer.status !== 429) {
        console.error(`POST /api/v1/tickets/${body.ticketId}/events answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        return { acknowledged: false, status, recorded: 0, latenciesMs, errors };
      }
      const retryAfterSeconds = Number(answer.retryAfter);
      if (answer.retryAfter !== undefined && Number.isFinite(retryAfterSeconds)) waitMs = Math.max(50, retryAfterSeconds * 1_000);
    } catch (error) {
      errors += 1;
      if (attempt === MAX_ATTEMPTS) console.error(`POST /api/v1/tickets/${body.ticketId}/events failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(waitMs);
  }
  return { acknowledged: false, status, recorded: 0, latenciesMs, errors };
}

/** Closed loop over `ticketIds`, one request per ticket, `connections` at a time, until the time or the tickets run out. */
async function runEvents(
  client: KeepAliveClient,
  ledger: EventLedger,
  ticketIds: readonly string[],
  options: { label: string; eventsPerRequest: number; connections: number; seconds: number; build: (ticketId: string, now: number) => EventBody },
  resendPool: EventBody[],
  resendLimit: number,
): Promise<TicketEventRun> {
  const latencies: number[] = [];
  let next = 0;
  let requests = 0;
  let errors = 0;
  let acknowledged = 0;
  let recorded = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1_000;

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && next < ticketIds.length) {
      const ticketId = ticketIds[next] as string;
      next += 1;
      const now = Date.now();
      const body = options.build(ticketId, now);
      ledger.firstEventAt = Math.min(ledger.firstEventAt, now);
      ledger.lastEventAt = Math.max(ledger.lastEventAt, now + body.events);
      const result = await postEvents(client, body);
      requests += result.latenciesMs.length;
      errors += result.errors;
      latencies.push(...result.latenciesMs);
      ledger.recordedAnswers += result.recorded;
      recorded += result.recorded;
      if (!result.acknowledged) {
        ledger.unacknowledged += 1;
        continue;
      }
      acknowledged += 1;
      ledger.expectedEvents += body.events;
      ledger.lastAcknowledgedAt = performance.now();
      ledger.dispatched.add(ticketId);
      if (body.events === 4) ledger.verified.add(ticketId);
      if (resendPool.length < resendLimit && result.status === 202) resendPool.push(body);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1_000;
  return {
    label: options.label,
    eventsPerRequest: options.eventsPerRequest,
    connections: options.connections,
    seconds,
    requests,
    acknowledged,
    eventsRecorded: recorded,
    eventsPerSecond: recorded / seconds,
    requestsPerSecond: requests / seconds,
    errors,
    latencyMs: percentilesOf(latencies),
  };
}

/** Polls `GET /api/v1/tickets/{id}` for each id until every one answers 200; the time it took, or null. */
async function waitForTickets(client: KeepAliveClient, ids: readonly string[], timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  const waiting = new Set(ids);
  while (performance.now() - started < timeoutMs) {
    for (const id of [...waiting]) {
      const answer = await client.send('GET', `/api/v1/tickets/${id}`).catch(() => null);
      if (answer?.status === 200) waiting.delete(id);
    }
    if (waiting.size === 0) return performance.now() - started;
    await sleep(100);
  }
  return null;
}

/** The query that covers every event: `today`, or the whole local days they fell on if the bench crossed midnight. */
function drainQuery(ledger: EventLedger, timeZone: string): { query: string; period: string } {
  const first = localDayOf(new Date(ledger.firstEventAt), timeZone).date;
  const last = localDayOf(new Date(ledger.lastEventAt), timeZone).date;
  const today = localDayOf(new Date(), timeZone).date;
  const scope = `scope=${encodeURIComponent(DISTRICT_SCOPE)}`;
  if (first === today && last === today) return { query: `${scope}&period=today`, period: 'today' };
  return { query: `${scope}&period=custom&from=${first}&to=${last}`, period: `custom ${first}..${last}` };
}

async function readKpis(client: KeepAliveClient, query: string): Promise<{ kpis: KpiResponse | null; ms: number | null }> {
  const answer = await client.send('GET', `/api/v1/kpis?${query}`).catch(() => null);
  if (answer?.status !== 200) return { kpis: null, ms: null };
  const parsed = kpiResponseSchema.safeParse(answer.body);
  return { kpis: parsed.success ? parsed.data : null, ms: answer.ms };
}

/** Reads the KPIs until they count every acknowledged dispatch and verification, then for `settleMs` more. */
async function waitForKpis(client: KeepAliveClient, ledger: EventLedger, plan: TicketPlan): Promise<Omit<TicketDrainCheck, 'expectedEvents' | 'recordedAnswers' | 'unacknowledged'>> {
  const { query, period } = drainQuery(ledger, plan.timeZone);
  const expectedDispatched = ledger.dispatched.size;
  const expectedVerified = ledger.verified.size;
  const started = performance.now();
  let reachedAt: number | null = null;
  let kpiDispatched: number | null = null;
  let kpiVerified: number | null = null;
  while (performance.now() - started < plan.drainTimeoutMs) {
    const { kpis } = await readKpis(client, query);
    if (kpis) {
      kpiDispatched = kpis.current.dispatched;
      kpiVerified = kpis.current.verified;
      if (kpiDispatched >= expectedDispatched && kpiVerified >= expectedVerified) {
        reachedAt ??= performance.now();
        if (performance.now() - reachedAt >= plan.settleMs) break;
      }
    }
    await sleep(200);
  }
  return {
    period,
    expectedDispatched,
    expectedVerified,
    kpiDispatched,
    kpiVerified,
    drainMs: reachedAt === null ? null : reachedAt - ledger.lastAcknowledgedAt,
    waitedMs: performance.now() - started,
  };
}

export async function measureTickets(
  clients: BenchClients,
  sites: readonly GridSite[],
  plan: TicketPlan,
  log: (line: string) => void,
  reportsBeforeThisPhase: number,
): Promise<TicketFigures> {
  const reportedAt = Date.now() - plan.reportedAgoMs;
  const entropy = { random: Math.random, newId: randomUUID, now: () => reportedAt + Math.floor(Math.random() * 60_000) };
  const batches = Array.from({ length: Math.ceil(plan.reports / plan.reportsPerRequest) }, (_, index) =>
    makeBatch(sites, Math.min(plan.reportsPerRequest, plan.reports - index * plan.reportsPerRequest), entropy),
  );
  const reportLedger = new IngestLedger();
  log(`tickets: posting ${plan.reports} reports, ${plan.reportsPerRequest} per request, reported ${Math.round(plan.reportedAgoMs / 60_000)} min ago`);
  const ticketIds: string[] = [];
  for (const batch of batches) {
    const body: PreparedBody = { json: JSON.stringify(batch), size: batch.length };
    const posted = await postBody(clients.ingest, reportLedger, body);
    if (posted.acknowledged) ticketIds.push(...batch.map((report) => report.id));
  }
  if (ticketIds.length === 0) throw new Error('the tickets phase could not post a single report');
  const lastOfEachRequest = batches.map((batch) => batch.at(-1)?.id).filter((id): id is string => id !== undefined && ticketIds.includes(id));
  const readyMs = await waitForTickets(clients.officer, lastOfEachRequest, plan.readyTimeoutMs);
  log(`  ${ticketIds.length} tickets; the last of each request answered GET 200 after ${readyMs === null ? 'never' : `${Math.round(readyMs)} ms`}`);

  const ledger = new EventLedger();
  const resendPool: EventBody[] = [];
  const lifeIds = ticketIds.slice(0, plan.lives);
  const singleIds = ticketIds.slice(plan.lives);
  log(`tickets: whole lives (4 events per request), ${plan.connections} connections, up to ${plan.livesSeconds} s or ${lifeIds.length} tickets`);
  const lives = await runEvents(
    clients.ingest,
    ledger,
    lifeIds,
    { label: 'whole life (dispatched, accepted, resolved, verified)', eventsPerRequest: 4, connections: plan.connections, seconds: plan.livesSeconds, build: wholeLife },
    resendPool,
    plan.resendPerRun,
  );
  log(`  ${Math.round(lives.eventsPerSecond)} events/s, ${Math.round(lives.requestsPerSecond)} requests/s, p99 ${Math.round(lives.latencyMs.p99 ?? 0)} ms, ${lives.errors} errors`);
  log(`tickets: single dispatched events, ${plan.connections} connections, up to ${plan.singlesSeconds} s or ${singleIds.length} tickets`);
  const singles = await runEvents(
    clients.ingest,
    ledger,
    singleIds,
    { label: 'single event (dispatched)', eventsPerRequest: 1, connections: plan.connections, seconds: plan.singlesSeconds, build: dispatchOnly },
    resendPool,
    plan.resendPerRun * 2,
  );
  log(`  ${Math.round(singles.eventsPerSecond)} events/s, p99 ${Math.round(singles.latencyMs.p99 ?? 0)} ms, ${singles.errors} errors`);

  log('tickets: waiting for the KPIs to count every acknowledged event');
  const drained = await waitForKpis(clients.officer, ledger, { ...plan, settleMs: 0 });
  log(`  ${drained.period}: dispatched ${drained.kpiDispatched}/${drained.expectedDispatched}, verified ${drained.kpiVerified}/${drained.expectedVerified}, drained ${drained.drainMs === null ? 'never' : `${Math.round(drained.drainMs)} ms`} after the last acknowledgement`);

  log(`tickets: re-sending ${resendPool.length} acknowledged event requests unchanged`);
  let resentUnchanged = 0;
  for (const body of resendPool) {
    const answer = await clients.ingest.send('POST', `/api/v1/tickets/${body.ticketId}/events`, body.json).catch(() => null);
    const answered = answer ? counts(answer.body) : null;
    if (answer?.status === 200 && answered?.recorded === 0 && answered.duplicates === body.events) resentUnchanged += 1;
    else console.error(`re-sent events of ${body.ticketId} answered ${answer?.status ?? 'nothing'}: ${JSON.stringify(answer?.body ?? null).slice(0, 200)}`);
    if (answered) ledger.recordedAnswers += answered.recorded;
  }
  // Read again after the re-sends and a settle period: a re-send recorded twice, or a late double count, shows here.
  const settled = await waitForKpis(clients.officer, ledger, plan);
  const drain: TicketDrainCheck = {
    ...settled,
    drainMs: drained.drainMs,
    waitedMs: drained.waitedMs,
    expectedEvents: ledger.expectedEvents,
    recordedAnswers: ledger.recordedAnswers,
    unacknowledged: ledger.unacknowledged,
  };

  const ticketsInStore = reportsBeforeThisPhase + reportLedger.distinctAccepted;
  log(`KPI query: ${plan.kpiSamples} sequential GETs, district, week, ${ticketsInStore} tickets in the store`);
  const kpiLatencies: number[] = [];
  let kpiErrors = 0;
  let weekReported: number | null = null;
  const weekQuery = `scope=${encodeURIComponent(DISTRICT_SCOPE)}&period=week`;
  for (let sample = 0; sample < plan.kpiSamples; sample += 1) {
    const { kpis, ms } = await readKpis(clients.officer, weekQuery);
    if (kpis === null || ms === null) kpiErrors += 1;
    else {
      kpiLatencies.push(ms);
      weekReported = kpis.current.reported;
    }
  }
  const kpiQuery = { period: 'week', samples: plan.kpiSamples, errors: kpiErrors, latencyMs: percentilesOf(kpiLatencies), ticketsInStore, weekReported };
  log(`  p50 ${Math.round(kpiQuery.latencyMs.p50 ?? 0)} ms, p95 ${Math.round(kpiQuery.latencyMs.p95 ?? 0)} ms; week's reported ${weekReported}`);

  return {
    reports: reportLedger.distinctAccepted,
    reportsPerRequest: plan.reportsPerRequest,
    readyMs,
    lives,
    singles,
    resent: resendPool.length,
    resentUnchanged,
    drain,
    kpiQuery,
  };
}
