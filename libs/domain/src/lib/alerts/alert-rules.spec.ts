import {
  alertRuleSchema,
  type AnomalyRule,
  type CriticalRule,
  type SlaRule,
  type SpikeRule,
  type TicketSnapshot,
} from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { ticketTestRules } from '../../testing/ticket-rules';
import { openTicket } from '../tickets/ticket-reducer';
import { dedupKeyOf } from './alert-candidate';
import {
  anomalyCandidate,
  anomalyVerdict,
  breachesSla,
  criticalCandidates,
  reportAlertSettled,
  scopeAt,
  slaBreachNoticedAt,
  slaCandidate,
  spikeCandidate,
  spikeWindowAt,
  spikeWindowKey,
} from './alert-rules';
import { matchesReport, type AlertReportFacts } from './report-match';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T02:00:00Z');
const name = { zh: '规则', en: 'Rule' };

const critical = alertRuleSchema.parse({
  id: 'critical-report',
  kind: 'critical',
  name,
  severity: 'critical',
  cooldownMinutes: 0,
  anyOf: [{ severityAtLeast: 4 }, { categories: ['gas_utilities', 'fire_safety'], severityAtLeast: 3 }],
}) as CriticalRule;

const noiseSpike = alertRuleSchema.parse({
  id: 'noise-spike',
  kind: 'spike',
  name,
  severity: 'major',
  level: 'community',
  match: { categories: ['noise'] },
  threshold: 3,
  windowMinutes: 30,
  cooldownMinutes: 60,
}) as SpikeRule;

let sequence = 0;
function report(extra: Partial<AlertReportFacts> = {}): AlertReportFacts {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    gridCode: '450103001002015',
    category: 'noise',
    severity: 1,
    reportedAtMs: T0,
    ...extra,
  };
}

describe('matchesReport', () => {
  it('takes every report when the match is empty', () => {
    expect(matchesReport({}, report())).toBe(true);
  });

  it('needs every condition given: category, minimum severity and scope', () => {
    const match = { categories: ['gas_utilities' as const], severityAtLeast: 3, within: ['street:450103001'] };
    expect(matchesReport(match, report({ category: 'gas_utilities', severity: 3 }))).toBe(true);
    expect(matchesReport(match, report({ category: 'gas_utilities', severity: 2 }))).toBe(false);
    expect(matchesReport(match, report({ category: 'noise', severity: 4 }))).toBe(false);
    expect(matchesReport(match, report({ category: 'gas_utilities', severity: 4, gridCode: '450103002001001' }))).toBe(false);
  });
});

describe('criticalCandidates', () => {
  it('fires for severity 4 of any category, and for gas or fire from severity 3', () => {
    const reports = [
      report({ severity: 4, category: 'noise' }),
      report({ severity: 3, category: 'gas_utilities', gridCode: '450103001003001' }),
      report({ severity: 3, category: 'noise', gridCode: '450103001004001' }),
      report({ severity: 2, category: 'fire_safety', gridCode: '450103001005001' }),
    ];
    const candidates = criticalCandidates(critical, reports);
    expect(candidates.map((candidate) => candidate.scope).sort()).toEqual(['grid:450103001002015', 'grid:450103001003001']);
  });

  it('makes one candidate per grid with every report in it', () => {
    const first = report({ severity: 4 });
    const second = report({ severity: 4 });
    const [candidate, ...rest] = criticalCandidates(critical, [first, second]);
    expect(rest).toEqual([]);
    expect(candidate?.reportIds).toEqual([first.id, second.id]);
    expect(candidate && dedupKeyOf(candidate)).toBe('critical-report|grid:450103001002015||');
  });

  it('groups at the level the rule names', () => {
    const byStreet = { ...critical, level: 'street' as const };
    const candidates = criticalCandidates(byStreet, [report({ severity: 4 }), report({ severity: 4, gridCode: '450103001009009' })]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]?.scope).toBe('street:450103001');
  });
});

describe('spike window', () => {
  const key = { scope: 'community:450103001002', category: 'noise' as const };

  it('keys a matching report by the community and its category, and ignores other categories', () => {
    expect(spikeWindowKey(noiseSpike, report())).toEqual(key);
    expect(spikeWindowKey(noiseSpike, report({ category: 'parking' }))).toBeNull();
    expect(scopeAt('street', '450103001002015')).toBe('street:450103001');
  });

  it('ends now and opens one window earlier, leaving out a report exactly one window old', () => {
    expect(spikeWindowAt(noiseSpike, T0 + 30 * MINUTE)).toEqual({ opensAfterMs: T0, endsAtMs: T0 + 30 * MINUTE });
  });

  it('fires at the threshold and not one report before, carrying the count', () => {
    expect(spikeCandidate(noiseSpike, key, 2, ['a', 'b'])).toBeNull();
    const candidate = spikeCandidate(noiseSpike, key, 3, ['a', 'b', 'c']);
    expect(candidate?.measure).toEqual({ value: 3, threshold: 3, baseline: null, windowMinutes: 30 });
    expect(candidate && dedupKeyOf(candidate)).toBe('noise-spike|community:450103001002|noise|');
  });
});

describe('anomaly', () => {
  const rule = alertRuleSchema.parse({
    id: 'volume',
    kind: 'anomaly',
    name,
    severity: 'major',
    level: 'street',
    minReports: 20,
    ratioAtLeast: 3,
    zScoreAtLeast: 4,
    cooldownMinutes: 60,
  }) as AnomalyRule;

  it('fires on three times the mean of the same hour on previous days', () => {
    const verdict = anomalyVerdict(rule, 30, [10, 10, 10, 10, 10, 10, 10]);
    expect(verdict).toMatchObject({ fires: true, mean: 10, standardDeviation: 0, ratio: 3 });
  });

  it('fires on a z-score alone when the ratio stays below its bound', () => {
    // mean 20, sd 1.7: 29 is well short of 3× the mean yet over 5 sd above it.
    const verdict = anomalyVerdict(rule, 29, [18, 22, 18, 22, 18, 22, 20, 20]);
    expect(verdict.ratio).toBeLessThan(3);
    expect(verdict.zScore).toBeGreaterThanOrEqual(4);
    expect(verdict.fires).toBe(true);
  });

  it('does not fire below the minimum volume, however quiet the baseline', () => {
    expect(anomalyVerdict(rule, 19, [0, 0, 0, 0, 0, 0, 0]).fires).toBe(false);
    expect(anomalyVerdict(rule, 20, [0, 0, 0, 0, 0, 0, 0]).fires).toBe(true);
  });

  it('does not fire without a baseline (a new district) or on an ordinary hour', () => {
    expect(anomalyVerdict(rule, 100, []).fires).toBe(false);
    expect(anomalyVerdict(rule, 25, [20, 25, 18, 30, 22, 21, 24]).fires).toBe(false);
  });

  it('makes a candidate carrying the count and the rounded baseline', () => {
    expect(anomalyCandidate(rule, 'street:450103001', 31, [10, 10, 11])?.measure).toEqual({
      value: 31,
      threshold: 20,
      baseline: 10.3,
      windowMinutes: 60,
    });
  });
});

describe('SLA rules', () => {
  const rules = ticketTestRules();
  const sla = (deadline: 'dispatch' | 'resolution', match = {}): SlaRule =>
    alertRuleSchema.parse({ id: `sla-${deadline}`, kind: 'sla', name, severity: 'minor', deadline, match, cooldownMinutes: 60 }) as SlaRule;
  const ticket: TicketSnapshot = openTicket(
    { id: '00000000-0000-4000-8000-000000000001', gridCode: '450103001002015', category: 'noise', severity: 4, reportedAt: '2026-11-25T02:00:00.000Z' },
    rules,
  );
  const dispatchDue = Date.parse(ticket.dispatchDueAt);

  it('breaches the dispatch deadline from the deadline itself, while the ticket waits for dispatch', () => {
    expect(breachesSla(sla('dispatch'), ticket, dispatchDue - 1)).toBe(false);
    expect(breachesSla(sla('dispatch'), ticket, dispatchDue)).toBe(true);
    expect(breachesSla(sla('dispatch'), { ...ticket, state: 'dispatched' }, dispatchDue + MINUTE)).toBe(false);
  });

  it('breaches the resolution deadline while the ticket is open, not once resolved or while suspended', () => {
    const due = Date.parse(ticket.dueAt ?? '');
    const dispatched = { ...ticket, state: 'dispatched' as const };
    expect(breachesSla(sla('resolution'), dispatched, due)).toBe(true);
    expect(breachesSla(sla('resolution'), dispatched, due - 1)).toBe(false);
    expect(breachesSla(sla('resolution'), { ...ticket, state: 'resolved' }, due + MINUTE)).toBe(false);
    expect(breachesSla(sla('resolution'), { ...ticket, state: 'suspended', dueAt: null }, due + MINUTE)).toBe(false);
  });

  it('holds a ticket that arrived already overdue to its deadline only after the grace, one it held at the deadline', () => {
    const arrived = T0;
    expect(slaBreachNoticedAt(T0 + 30 * MINUTE, arrived, 10)).toBe(T0 + 30 * MINUTE);
    expect(slaBreachNoticedAt(T0 - 3 * 24 * 60 * MINUTE, arrived, 10)).toBe(T0 + 10 * MINUTE);
    expect(slaBreachNoticedAt(T0 - MINUTE, arrived, 0)).toBe(T0);
  });

  it('honours the rule match and makes one candidate per ticket, counting down to the deadline', () => {
    expect(breachesSla(sla('dispatch', { categories: ['parking'] }), ticket, dispatchDue)).toBe(false);
    const candidate = slaCandidate(sla('dispatch'), ticket, dispatchDue);
    expect(candidate).toMatchObject({ scope: 'grid:450103001002015', ticketId: ticket.id, reportIds: [ticket.id], slaDueAt: ticket.dispatchDueAt });
    expect(candidate && dedupKeyOf(candidate)).toBe(`sla-dispatch|grid:450103001002015|noise|${ticket.id}`);
  });
});

describe('reportAlertSettled', () => {
  const tickets = new Map([
    ['a', { state: 'resolved' as const }],
    ['b', { state: 'verified' as const }],
    ['c', { state: 'accepted' as const }],
  ]);

  it('is settled once every ticket behind it is resolved or verified', () => {
    expect(reportAlertSettled({ kind: 'critical', reportIds: ['a', 'b'], reportCount: 2 }, tickets)).toBe(true);
    expect(reportAlertSettled({ kind: 'spike', reportIds: ['a', 'c'], reportCount: 2 }, tickets)).toBe(false);
  });

  it('cannot tell for a ticket it cannot see, a list that outgrew its cap, or an SLA or anomaly alert', () => {
    expect(reportAlertSettled({ kind: 'critical', reportIds: ['a', 'missing'], reportCount: 2 }, tickets)).toBe(false);
    expect(reportAlertSettled({ kind: 'spike', reportIds: ['a', 'b'], reportCount: 60 }, tickets)).toBe(false);
    expect(reportAlertSettled({ kind: 'anomaly', reportIds: [], reportCount: 0 }, tickets)).toBe(false);
    expect(reportAlertSettled({ kind: 'sla', reportIds: ['a'], reportCount: 1 }, tickets)).toBe(false);
  });
});
