import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { slaPolicySchema, workCalendarSchema, type Report, type TicketEventInput } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { DistrictModel } from '../feed/district-model';
import { createRandom } from '../feed/prng';
import { tinyDistrict } from '../feed/testing/tiny-district';
import type { PostOutcome, ReportSender } from '../run/ingest-client';
import { deadlinesFrom } from '../tickets/sla-deadlines';
import type { EventPostOutcome, TicketEventSender, TicketLookup } from '../tickets/ticket-client';
import { DEFAULT_PLAYER_SETTINGS, TicketPlayer } from '../tickets/ticket-player';
import { runBackfill, type BackfillSettings } from './backfill';

const NOW = Date.UTC(2026, 10, 20, 7, 30);
const configFile = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../../config', name), 'utf8'));
const deadlines = deadlinesFrom(slaPolicySchema.parse(configFile('sla-policy.json')), workCalendarSchema.parse(configFile('work-calendar.json')));

/** A server stand-in that stores reports once, answers repeats as duplicates, and records events by (ticket, type, at). */
class FakeApi implements ReportSender {
  readonly reportBatches: number[] = [];
  readonly stored = new Map<string, Report>();
  readonly events = new Map<string, Set<string>>();
  readonly eventRequests: Array<{ ticketId: string; count: number; latestAtMs: number }> = [];
  lookups = 0;
  /** The first lookups of a fresh report answer "not stored yet", as a server still inserting would. */
  constructor(private readonly pendingLookups = 2) {}

  async post(reports: readonly Report[]): Promise<PostOutcome> {
    this.reportBatches.push(reports.length);
    let accepted = 0;
    for (const report of reports) {
      if (!this.stored.has(report.id)) accepted += 1;
      this.stored.set(report.id, report);
    }
    return { kind: 'acknowledged', accepted, duplicates: reports.length - accepted, latencyMs: 1 };
  }

  async lookup(ticketId: string): Promise<TicketLookup> {
    this.lookups += 1;
    if (this.lookups <= this.pendingLookups || !this.stored.has(ticketId)) return { kind: 'missing' };
    return { kind: 'found', state: 'reported', history: [] };
  }

  async postEvents(ticketId: string, events: readonly TicketEventInput[]): Promise<EventPostOutcome> {
    const recorded = this.events.get(ticketId) ?? new Set<string>();
    this.events.set(ticketId, recorded);
    this.eventRequests.push({ ticketId, count: events.length, latestAtMs: Math.max(...events.map((event) => Date.parse(event.at))) });
    let fresh = 0;
    for (const event of events) {
      const key = `${event.type}@${Date.parse(event.at)}`;
      if (!recorded.has(key)) fresh += 1;
      recorded.add(key);
    }
    return { kind: 'recorded', recorded: fresh, duplicates: events.length - fresh, latencyMs: 1 };
  }
}

const settings: BackfillSettings = {
  days: 2,
  dailyVolume: 1_500,
  campaign: { boost: 0, days: 0 },
  seed: 11,
  batchSize: 1_000,
  concurrency: 2,
  retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  storeTimeoutMs: 5_000,
  progressEveryMs: 60_000,
};

async function backfill(api: FakeApi) {
  const tickets: TicketEventSender = { post: (id, events) => api.postEvents(id, events), lookup: (id) => api.lookup(id) };
  const player = new TicketPlayer({ ...DEFAULT_PLAYER_SETTINGS, concurrency: 8, ownName: 'simulator' }, { sender: tickets, random: createRandom(1), now: () => NOW, log: () => undefined });
  const summary = await runBackfill(
    settings,
    {
      district: new DistrictModel(tinyDistrict(2, 3, 4), createRandom(1)),
      reports: api,
      tickets: { player, deadlines, client: tickets },
      random: createRandom(2),
      now: () => NOW,
      log: () => undefined,
    },
    new AbortController().signal,
  );
  return { summary, player };
}

// Two days of a busy district through the fake API: a few seconds of work, more on a loaded machine.
const BACKFILL_TIMEOUT_MS = 30_000;

describe('runBackfill', () => {
  it("writes the window's reports in batches of at most 1000, then each ticket's past events in one request", async () => {
    const api = new FakeApi();
    const { summary, player } = await backfill(api);
    expect(summary.reports.generated).toBeGreaterThan(2_700);
    expect(summary.reports.accepted).toBe(summary.reports.generated);
    expect(Math.max(...api.reportBatches)).toBeLessThanOrEqual(1_000);
    expect(api.lookups).toBeGreaterThan(2); // it waited until the latest report of each day was stored

    // One request per ticket, nothing in the future, and every past event of the ticket in it. Tickets reported in
    // the last minutes have no event yet: they are not dispatched so far.
    const played = new Set(api.eventRequests.map((request) => request.ticketId));
    const waiting = [...api.stored.values()].filter((report) => !played.has(report.id));
    expect(waiting.length).toBeLessThan(summary.reports.generated * 0.02);
    expect(waiting.every((report) => Date.parse(report.reportedAt) > NOW - 3_600_000)).toBe(true);
    expect(new Set(api.eventRequests.map((request) => request.ticketId)).size).toBe(api.eventRequests.length);
    expect(api.eventRequests.every((request) => request.latestAtMs <= NOW)).toBe(true);
    expect(summary.events.recorded).toBe(api.eventRequests.reduce((sum, request) => sum + request.count, 0));

    // Recent tickets are still open: their remaining events wait in the live player.
    expect(summary.handedOn).toBeGreaterThan(0);
    expect(summary.handedOn).toBe(player.waiting);
    expect(summary.handedOn).toBeLessThan(summary.reports.generated);
  }, BACKFILL_TIMEOUT_MS);

  it('run twice with the same seed, stores nothing twice', async () => {
    const api = new FakeApi();
    const first = await backfill(api);
    const second = await backfill(api);
    expect(second.summary.reports.accepted).toBe(0);
    expect(second.summary.reports.duplicates).toBe(first.summary.reports.generated);
    expect(second.summary.events.recorded).toBe(0);
    expect(second.summary.events.duplicates).toBe(first.summary.events.recorded);
  }, BACKFILL_TIMEOUT_MS);
});
