import type { Report, Severity } from '@grid-command/contracts';
import type { DistrictModel } from '../feed/district-model';
import type { Random } from '../feed/prng';
import type { ReportSender } from '../run/ingest-client';
import { backoffMs, type RetryPolicy } from '../run/retry-policy';
import { CAMPAIGN_LIFECYCLE, EVERYDAY_LIFECYCLE, planTicketLifecycle, ticketRandom, type Deadlines, type TicketOrigin } from '../tickets/lifecycle';
import type { TicketEventSender } from '../tickets/ticket-client';
import { emptyEventCounters, eventErrorsOf, type EventCounters, type TicketPlayer } from '../tickets/ticket-player';
import { batchesOf, DAY_MS, localDaysCovering, planDayReports, reportsWithin } from './backfill-plan';
import { abortableSleep } from '../run/abortable-sleep';
import { asWorkedByTheDesk } from './worked-history';

export interface BackfillSettings {
  readonly days: number;
  /** Everyday reports per day; a campaign's patrols add `campaign.boost` times as many on its days. */
  readonly dailyVolume: number;
  /** The campaign on the last `days` local days (today included), if any. */
  readonly campaign: { readonly boost: number; readonly days: number };
  /** Names every backfilled day's and ticket's random stream: the same seed writes the same history. */
  readonly seed: number;
  /** Reports per request; the API takes up to 1000. */
  readonly batchSize: number;
  /** Report requests in flight at once (event requests are the player's). */
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  /** How long to wait for a day's reports to be stored before playing their events anyway (the player retries 503s). */
  readonly storeTimeoutMs: number;
  readonly progressEveryMs: number;
}

export interface BackfillDeps {
  readonly district: DistrictModel;
  readonly reports: ReportSender;
  /** Null to write only the reports (`--tickets off`). */
  readonly tickets: { readonly player: TicketPlayer; readonly deadlines: Deadlines; readonly client: TicketEventSender } | null;
  readonly random: Random;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

export interface BackfillSummary {
  readonly elapsedMs: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly reports: { generated: number; accepted: number; duplicates: number; rejected: number; failed: number; requests: number };
  /** Ticket events played during the backfill (the player's counters over that time). */
  readonly events: EventCounters;
  /** Tickets whose next event is still to come, handed on to the live player. */
  readonly handedOn: number;
  readonly eventSeconds: number;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const originOf = (report: Report): TicketOrigin => ({
  id: report.id,
  gridCode: report.gridCode,
  category: report.category,
  severity: report.severity as Severity,
  source: report.source,
  reportedAtMs: Date.parse(report.reportedAt),
});

/**
 * Writes `days` days of history ending now, one local day at a time so memory holds a day: the day's reports
 * in batches, then (once the last one is stored) each ticket's past events as one request per ticket; events
 * still to come stay with the player, which plays them live. Never throws on HTTP trouble: it counts it.
 */
export async function runBackfill(settings: BackfillSettings, deps: BackfillDeps, signal: AbortSignal): Promise<BackfillSummary> {
  const startedAt = deps.now();
  const toMs = startedAt;
  const fromMs = toMs - settings.days * DAY_MS;
  const days = localDaysCovering(fromMs, toMs);
  const reports = { generated: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, requests: 0 };
  const player = deps.tickets?.player ?? null;
  const eventsBefore = { ...(player?.totals ?? emptyEventCounters()) };
  let eventMs = 0;
  let dayIndex = 0;
  let phase = 'reports';
  let lastProgress = { at: startedAt, requests: 0 };

  const progress = setInterval(() => {
    const now = deps.now();
    const played = player?.totals ?? eventsBefore;
    const rate = (played.requests - lastProgress.requests) / Math.max(0.001, (now - lastProgress.at) / 1_000);
    lastProgress = { at: now, requests: played.requests };
    deps.log(
      `[backfill ${String(Math.round((now - startedAt) / 1_000)).padStart(4)}s] day ${dayIndex + 1}/${days.length} ${days[dayIndex]?.date ?? ''} (${phase})` +
        `  reports ${integer.format(reports.accepted + reports.duplicates)}/${integer.format(reports.generated)}` +
        `  events ${integer.format(played.recorded - eventsBefore.recorded)} (+${integer.format(played.duplicates - eventsBefore.duplicates)} dup)` +
        `  ${decimal.format(rate)} event req/s  given up ${integer.format(eventErrorsOf(played) - eventErrorsOf(eventsBefore))}`,
    );
  }, settings.progressEveryMs);

  try {
    for (; dayIndex < days.length && !signal.aborted; dayIndex += 1) {
      const day = days[dayIndex];
      if (!day) break;
      phase = 'reports';
      const campaign = dayIndex >= days.length - settings.campaign.days ? settings.campaign.boost : 0;
      const dayReports = reportsWithin(planDayReports(deps.district, settings.seed, day, settings.dailyVolume, campaign), fromMs, toMs);
      reports.generated += dayReports.length;
      const acknowledged = await postReports(dayReports, settings, deps, reports, signal);
      const last = acknowledged[acknowledged.length - 1];
      if (!deps.tickets || !last) continue;

      phase = 'storing';
      if (!(await waitUntilStored(deps.tickets.client, last.id, settings.storeTimeoutMs, deps, signal)) && !signal.aborted) {
        deps.log(`backfill: report ${last.id} not stored after ${settings.storeTimeoutMs / 1_000} s; playing its day's events anyway (503s are retried)`);
      }
      phase = 'events';
      const eventsStarted = deps.now();
      const profile = campaign > 0 ? CAMPAIGN_LIFECYCLE : EVERYDAY_LIFECYCLE;
      for (const report of acknowledged) {
        const plan = asWorkedByTheDesk(planTicketLifecycle(originOf(report), ticketRandom(settings.seed, report.id), deps.tickets.deadlines, profile), toMs);
        deps.tickets.player.hand(report.id, plan.events);
      }
      await deps.tickets.player.settle(signal);
      eventMs += deps.now() - eventsStarted;
    }
  } finally {
    clearInterval(progress);
  }

  const events = { ...(player?.totals ?? eventsBefore) };
  for (const key of Object.keys(events) as Array<keyof EventCounters>) events[key] -= eventsBefore[key];
  return { elapsedMs: deps.now() - startedAt, fromMs, toMs, reports, events, handedOn: player?.waiting ?? 0, eventSeconds: eventMs / 1_000 };
}

/** Posts reports in batches over a few connections, retrying 5xx and network failures and waiting out Retry-After, with the same ids. */
async function postReports(
  reports: readonly Report[],
  settings: BackfillSettings,
  deps: BackfillDeps,
  counters: BackfillSummary['reports'],
  signal: AbortSignal,
): Promise<Report[]> {
  const batches = batchesOf(reports, settings.batchSize);
  const acknowledged: Report[][] = Array.from({ length: batches.length }, () => []);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < batches.length && !signal.aborted; index = next++) {
      const batch = batches[index] ?? [];
      for (let attempt = 1; !signal.aborted; ) {
        const outcome = await deps.reports.post(batch, signal);
        counters.requests += 1;
        if (outcome.kind === 'acknowledged') {
          counters.accepted += outcome.accepted;
          counters.duplicates += outcome.duplicates;
          acknowledged[index] = batch;
          break;
        }
        if (outcome.kind === 'backpressure') {
          // The server sheds load and says when to come back: the same batch then, no attempt used up.
          await abortableSleep(outcome.retryAfterMs, signal);
          continue;
        }
        if (outcome.kind === 'rejected' || attempt >= settings.retry.maxAttempts) {
          counters[outcome.kind === 'rejected' ? 'rejected' : 'failed'] += batch.length;
          deps.log(`backfill: ${batch.length} reports not stored: ${outcome.reason}`);
          break;
        }
        await abortableSleep(backoffMs(settings.retry, attempt, deps.random), signal);
        attempt += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, batches.length) }, worker));
  // In generation order, so the last one is the latest report, the one to wait for.
  return acknowledged.flat();
}

/** Polls `GET /api/v1/tickets/{id}` until the report is stored (200) or the time is up. */
async function waitUntilStored(client: TicketEventSender, ticketId: string, timeoutMs: number, deps: BackfillDeps, signal: AbortSignal): Promise<boolean> {
  const deadline = deps.now() + timeoutMs;
  while (!signal.aborted && deps.now() < deadline) {
    if ((await client.lookup(ticketId, signal)).kind === 'found') return true;
    await abortableSleep(200, signal);
  }
  return false;
}

export function formatBackfillSummary(summary: BackfillSummary): string {
  const { reports, events } = summary;
  const seconds = Math.max(0.001, summary.elapsedMs / 1_000);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return [
    `backfill ${iso(summary.fromMs)} → ${iso(summary.toMs)} UTC done in ${decimal.format(seconds)} s`,
    `  reports          ${integer.format(reports.generated)} generated, ${integer.format(reports.accepted)} accepted, ${integer.format(reports.duplicates)} duplicates, ` +
      `${integer.format(reports.rejected)} rejected, ${integer.format(reports.failed)} failed, in ${integer.format(reports.requests)} requests`,
    `  ticket events    ${integer.format(events.recorded)} recorded (+${integer.format(events.duplicates)} already there) for ${integer.format(events.tickets)} tickets, ` +
      `${integer.format(events.requests)} requests in ${decimal.format(summary.eventSeconds)} s = ${decimal.format(events.requests / Math.max(0.001, summary.eventSeconds))} req/s, ` +
      `${integer.format(events.retries)} retries, ${integer.format(eventErrorsOf(events))} tickets given up`,
    `  handed to live   ${integer.format(summary.handedOn)} open tickets with events still to come`,
  ].join('\n');
}

export const backfillErrorsOf = (summary: BackfillSummary): number => summary.reports.rejected + summary.reports.failed + eventErrorsOf(summary.events);
