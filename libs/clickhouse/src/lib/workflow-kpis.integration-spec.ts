import type { ClickHouseClient } from '@clickhouse/client';
import {
  REPORT_CATEGORIES,
  slaPolicySchema,
  workCalendarSchema,
  type AttributedTicketEvent,
  type Report,
  type TicketSnapshot,
} from '@grid-command/contracts';
import {
  allowedTicketEvents,
  applyTicketEvent,
  createSeededRandom,
  isOverdue,
  openTicket,
  resolveDistribution,
  resolveKpiPeriod,
  WorkingTime,
  workflowTallies,
  type KpiRange,
  type TicketRules,
} from '@grid-command/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClickHouseClient } from './clickhouse-client.factory';
import { loadMigrations, runMigrations } from './migration-runner';
import { ReportStore } from './report-store.repository';
import { TicketStore, type StoredTicketEvent } from './ticket-store.repository';
import { WorkflowKpiRepository } from './workflow-kpis.repository';

const ROOT = join(__dirname, '..', '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const rules: TicketRules = {
  policy: slaPolicySchema.parse(readJson('config/sla-policy.json')),
  workingTime: new WorkingTime(workCalendarSchema.parse(readJson('config/work-calendar.json'))),
};
const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-25T15:00:00+08:00');
const GRIDS = ['450103001001001', '450103001001002', '450103001002001', '450103002001001', '450103002001002', '450103002002001'];
const MINUTE = 60_000;

/** Tickets reported over the last 40 days and around the same weeks a year ago, each walked through random legal events. */
function generateTickets(count: number): { reports: Report[]; stored: StoredTicketEvent[]; finals: TicketSnapshot[] } {
  const random = createSeededRandom(20261125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const reports: Report[] = [];
  const stored: StoredTicketEvent[] = [];
  const finals: TicketSnapshot[] = [];
  for (let index = 0; index < count; index += 1) {
    const yearAgo = random() < 0.25 ? 365 * 24 * 60 : 0;
    const reportedAt = new Date(NOW.getTime() - (yearAgo + random() * 40 * 24 * 60) * MINUTE);
    const report: Report = {
      id: randomUUID(),
      gridCode: pick(GRIDS),
      category: pick(REPORT_CATEGORIES),
      severity: 1 + Math.floor(random() * 4),
      source: 'grid_worker',
      reportedAt: reportedAt.toISOString(),
    };
    reports.push(report);
    let ticket = openTicket(report, rules);
    let at = reportedAt.getTime();
    const steps = Math.floor(random() * 8);
    for (let step = 0; step < steps; step += 1) {
      at += Math.floor(random() * 3 * 24 * 60 * MINUTE * random());
      if (at > NOW.getTime()) break;
      const type = pick(allowedTicketEvents(ticket.state));
      const input: AttributedTicketEvent = {
        type,
        at: new Date(at).toISOString(),
        actor: 'generator',
        ...(type === 'dispatched' || type === 'escalated' ? { department: pick(['城管执法局', '住建局', '街道办']) } : {}),
        ...(type === 'verified' ? { satisfaction: pick(['satisfied', 'basically_satisfied', 'dissatisfied'] as const) } : {}),
        ...(type === 'suspended' ? { note: '等待答复' } : {}),
      };
      const outcome = applyTicketEvent(ticket, input, randomUUID(), NOW, rules);
      if (outcome.kind !== 'applied') throw new Error(`generator made an illegal step: ${JSON.stringify(outcome)}`);
      ticket = outcome.ticket;
      stored.push({ event: outcome.event, ticket });
    }
    finals.push(ticket);
  }
  return { reports, stored, finals };
}

describe('workflow KPIs in ClickHouse match the definitions in libs/domain', () => {
  let directory: string;
  let client: ClickHouseClient;
  let kpis: WorkflowKpiRepository;
  let tickets: TicketStore;
  const generated = generateTickets(2000);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'grid-command-kpi-'));
    client = createClickHouseClient({ kind: 'embedded', path: join(directory, 'data') });
    await runMigrations(client, await loadMigrations());
    const reports = new ReportStore(client, (report) => openTicket(report, rules));
    tickets = new TicketStore(client);
    kpis = new WorkflowKpiRepository(client);
    for (let start = 0; start < generated.reports.length; start += 250) {
      await reports.insertBatch({ batchId: randomUUID(), acceptedAt: NOW.toISOString(), reports: generated.reports.slice(start, start + 250) });
    }
    // Events arrive in several jobs, one job out of order, and a fifth of them twice (an outbox replayed after a crash).
    const chunks: StoredTicketEvent[][] = [];
    for (let start = 0; start < generated.stored.length; start += 400) chunks.push(generated.stored.slice(start, start + 400));
    chunks.reverse();
    for (const chunk of chunks) await tickets.insertEvents(randomUUID(), chunk);
    await tickets.insertEvents(randomUUID(), generated.stored.filter((_, index) => index % 5 === 0));
  }, 120_000);

  afterAll(async () => {
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('generated a workload that exercises every figure', () => {
    const states = new Set(generated.finals.map((ticket) => ticket.state));
    expect([...states].sort()).toEqual(['accepted', 'dispatched', 'escalated', 'reopened', 'reported', 'resolved', 'suspended', 'verified']);
    expect(generated.stored.length).toBeGreaterThan(2000);
  });

  it('keeps exactly the latest version of every ticket', async () => {
    const byId = (a: TicketSnapshot, b: TicketSnapshot): number => a.id.localeCompare(b.id);
    const stored = (await tickets.ticketsUnder('450103')).sort(byId);
    const expected = [...generated.finals].sort(byId);
    expect(stored.length).toBe(expected.length);
    for (const [index, ticket] of stored.entries()) expect(ticket).toEqual(expected[index]);
  });

  const ranges: Array<[string, KpiRange]> = [];
  for (const kind of ['today', 'week', 'month'] as const) {
    const period = resolveKpiPeriod({ kind }, NOW, ZONE);
    ranges.push([`${kind}`, period.range], [`${kind} 环比`, period.previous], [`${kind} 同比`, period.lastYear]);
  }
  ranges.push(['custom 40 days', resolveKpiPeriod({ kind: 'custom', from: '2026-10-16', to: '2026-11-25' }, NOW, ZONE).range]);

  for (const prefix of ['450103', '450103001', '450103002001']) {
    for (const [name, range] of ranges) {
      it(`tallies of ${prefix} over ${name} equal the recomputation`, async () => {
        const scoped = generated.finals.filter((ticket) => ticket.gridCode.startsWith(prefix));
        expect(await kpis.tallies(prefix, range)).toEqual(workflowTallies(scoped, range));
      });
    }
  }

  // One test per figure, so a thin workload names the figure (Jest's expect takes no message).
  it.each(['reported', 'dispatched', 'resolved', 'resolvedOnTime', 'verified', 'satisfied', 'reopened'] as const)(
    'the 40-day range has enough %s tickets for the comparison to mean something',
    (figure) => {
      const tallies = workflowTallies(generated.finals, ranges.at(-1)?.[1] as KpiRange);
      expect(tallies[figure]).toBeGreaterThan(10);
    },
  );

  it('unit tallies, the overdue list and the distribution match too', async () => {
    const range = ranges.at(-1)?.[1] as KpiRange;
    const units = await kpis.unitTallies('450103', 12, range, NOW);
    for (const unit of units) {
      const inUnit = generated.finals.filter((ticket) => ticket.gridCode.startsWith(unit.unitCode));
      const expected = workflowTallies(inUnit, range);
      expect(unit).toEqual({
        unitCode: unit.unitCode,
        reported: expected.reported,
        closed: expected.closedOfReported,
        resolved: expected.resolved,
        overdueNow: inUnit.filter((ticket) => isOverdue(ticket, NOW)).length,
      });
    }
    expect(units.map((unit) => unit.unitCode)).toEqual(['450103001001', '450103001002', '450103002001', '450103002002']);

    const overdue = generated.finals
      .filter((ticket) => isOverdue(ticket, NOW))
      .sort((a, b) => Date.parse(a.dueAt as string) - Date.parse(b.dueAt as string) || a.id.localeCompare(b.id));
    expect(overdue.length).toBeGreaterThan(5);
    expect(await kpis.overdueCount('450103', NOW)).toBe(overdue.length);
    expect((await kpis.overdueTickets('450103', NOW, 5)).map((ticket) => ticket.id)).toEqual(overdue.slice(0, 5).map((ticket) => ticket.id));

    expect(await kpis.resolveDistribution('450103', range)).toEqual(resolveDistribution(generated.finals, range).map((bucket) => bucket.tickets));
  });

  /** Every ticket as it stood at `moment`, from its versions (the report's, then one per event): the replay's definition. */
  const ticketsAsOf = (moment: Date): TicketSnapshot[] => {
    const latest = new Map<string, TicketSnapshot>();
    const versions = [...generated.reports.map((report) => openTicket(report, rules)), ...generated.stored.map((stored) => stored.ticket)];
    for (const ticket of versions) {
      if (Date.parse(ticket.lastEventAt) > moment.getTime()) continue;
      const known = latest.get(ticket.id);
      if (known === undefined || known.version < ticket.version) latest.set(ticket.id, ticket);
    }
    return [...latest.values()];
  };

  for (const moment of [new Date('2026-11-20T09:30:00+08:00'), new Date('2026-11-01T00:00:00+08:00'), new Date('2025-11-10T12:00:00+08:00')]) {
    it(`as of ${moment.toISOString()}, every figure is that of the tickets as they stood then`, async () => {
      const asOf = kpis.asOf(moment);
      const then = ticketsAsOf(moment);
      // The moment is inside the history and some tickets changed after it: otherwise this would test nothing.
      expect(then.length).toBeGreaterThan(20);
      expect(then.filter((ticket) => generated.finals.some((final) => final.id === ticket.id && final.version !== ticket.version)).length).toBeGreaterThan(5);
      for (const kind of ['today', 'week', 'month'] as const) {
        const period = resolveKpiPeriod({ kind }, moment, ZONE);
        expect(await asOf.tallies('450103', period.range)).toEqual(workflowTallies(then, period.range));
        expect(await asOf.tallies('450103001', period.previous)).toEqual(workflowTallies(then.filter((ticket) => ticket.gridCode.startsWith('450103001')), period.previous));
        expect(await asOf.resolveDistribution('450103', period.range)).toEqual(resolveDistribution(then, period.range).map((bucket) => bucket.tickets));
      }
      const overdue = then.filter((ticket) => isOverdue(ticket, moment));
      expect(await asOf.overdueCount('450103', moment)).toBe(overdue.length);
      const units = await asOf.unitTallies('450103', 9, resolveKpiPeriod({ kind: 'month' }, moment, ZONE).range, moment);
      expect(units.reduce((total, unit) => total + unit.overdueNow, 0)).toBe(overdue.length);
    });
  }
});
