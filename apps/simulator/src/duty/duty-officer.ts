import {
  alertActionResultSchema,
  alertDetailSchema,
  alertListSchema,
  apiErrorSchema,
  type AlertDetail,
  type AlertAction,
  type TicketEventInput,
} from '@grid-command/contracts';
import { authorizedHeaders, type BearerSource } from '../auth/bearer';
import type { Random } from '../feed/prng';
import { networkReason } from '../run/ingest-client';
import type { TicketEventSender } from '../tickets/ticket-client';
import { CLOSING_NOTES, departmentFor, planDuty, stepIsDue, type DutyPlan, type DutySettings } from './duty-plan';

export interface DutyOfficerSettings {
  readonly baseUrl: string;
  /** The district the desk watches. */
  readonly scope: string;
  readonly pollMs: number;
  readonly duty: DutySettings;
}

export interface DutyOfficerDeps {
  /** The signed-in duty officer the desk acts as: the server records every action and ticket event under that name. */
  readonly bearer: BearerSource;
  readonly tickets: TicketEventSender;
  readonly random: Random;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

export interface DutyTotals {
  seen: number;
  worked: number;
  acknowledgedOnly: number;
  leftAlone: number;
  acknowledge: number;
  dispatch: number;
  report_in: number;
  close: number;
  /** 409: someone (or the platform) acted first; the desk carries on from the alert as it now stands. */
  conflicts: number;
  /** Steps found done already (the alert closed by itself, say). */
  skipped: number;
  ticketEvents: number;
  errors: number;
}

interface Pending {
  readonly alertId: string;
  readonly plan: DutyPlan;
  readonly index: number;
}

/** The tickets a dispatch blew the whistle on (吹哨): the desk sees them through, 报到 and 办结, itself. */
interface Taken {
  readonly ticketIds: string[];
  accepted: boolean;
}

const TICK_MS = 1_000;
const TIMEOUT_MS = 10_000;

/**
 * A simulated duty officer at the alert desk (`--duty-officer on`): polls the district's alerts over REST, plans
 * each newly seen open alert with `planDuty` and carries out the steps as they fall due, each on the alert as it
 * then stands (`expectedVersion`; a 409 is someone else acting first). A dispatch that escalates a ticket already
 * accepted by its department (吹哨) takes that ticket off its planned workflow, so the desk records its 签收 at the
 * 报到 and its 办结 at the close. Never throws; failures are counted and the first of each kind printed.
 */
export class DutyOfficer {
  readonly totals: DutyTotals = { seen: 0, worked: 0, acknowledgedOnly: 0, leftAlone: 0, acknowledge: 0, dispatch: 0, report_in: 0, close: 0, conflicts: 0, skipped: 0, ticketEvents: 0, errors: 0 };
  private readonly seen = new Set<string>();
  private readonly queue: Pending[] = [];
  private readonly taken = new Map<string, Taken>();
  private readonly reasons = new Set<string>();
  private readonly stopping = new AbortController();
  private timers: NodeJS.Timeout[] = [];
  private busy: Promise<void> | null = null;

  constructor(private readonly settings: DutyOfficerSettings, private readonly deps: DutyOfficerDeps) {}

  start(): void {
    void this.poll();
    this.timers = [setInterval(() => void this.poll(), this.settings.pollMs), setInterval(() => this.work(), TICK_MS)];
  }

  async stop(): Promise<DutyTotals> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort();
    await this.busy;
    return { ...this.totals };
  }

  /** Newly seen open alerts get a plan; alerts seen before are the plan's business. */
  private async poll(): Promise<void> {
    const url = `/api/v1/alerts?scope=${encodeURIComponent(this.settings.scope)}&limit=1000`;
    const answer = await this.request('GET', url, 'GET /api/v1/alerts');
    if (answer === undefined) return;
    const list = alertListSchema.safeParse(answer);
    if (!list.success) return this.fail(`GET /api/v1/alerts: unexpected answer`);
    const now = this.deps.now();
    for (const alert of list.data.alerts) {
      if (this.seen.has(alert.id)) continue;
      this.seen.add(alert.id);
      if (alert.state !== 'open') continue;
      this.totals.seen += 1;
      const plan = planDuty(alert, now, this.deps.random, this.settings.duty);
      if (plan.kind === 'work') this.totals.worked += 1;
      else if (plan.kind === 'acknowledge_only') this.totals.acknowledgedOnly += 1;
      else this.totals.leftAlone += 1;
      if (plan.steps.length > 0) this.queue.push({ alertId: alert.id, plan, index: 0 });
    }
  }

  /** One step at a time, oldest due first: a desk of one officer. */
  private work(): void {
    if (this.busy !== null) return;
    const now = this.deps.now();
    this.queue.sort((a, b) => this.dueAt(a) - this.dueAt(b));
    const next = this.queue[0];
    if (next === undefined || this.dueAt(next) > now) return;
    this.queue.shift();
    this.busy = this.carryOut(next)
      .catch((error: unknown) => this.fail(`unexpected: ${String(error)}`))
      .finally(() => {
        this.busy = null;
      });
  }

  private dueAt(pending: Pending): number {
    return pending.plan.steps[pending.index]?.atMs ?? Number.POSITIVE_INFINITY;
  }

  private async carryOut(pending: Pending): Promise<void> {
    const step = pending.plan.steps[pending.index];
    if (step === undefined || this.stopping.signal.aborted) return;
    const answer = await this.request('GET', `/api/v1/alerts/${pending.alertId}`, 'GET /api/v1/alerts/{id}');
    if (answer === undefined) return;
    const detail = alertDetailSchema.safeParse(answer);
    if (!detail.success) return this.fail(`GET /api/v1/alerts/{id}: unexpected answer`);
    const { alert } = detail.data;
    if (alert.state === 'closed') {
      this.totals.skipped += pending.plan.steps.length - pending.index;
      return;
    }
    if (stepIsDue(step.action, alert)) await this.act(pending, step.action, detail.data);
    else this.totals.skipped += 1;
    if (pending.index + 1 < pending.plan.steps.length) this.queue.push({ ...pending, index: pending.index + 1 });
  }

  private async act(pending: Pending, action: AlertAction, { alert, reports }: AlertDetail): Promise<void> {
    const taken = this.taken.get(alert.id);
    const category = alert.category ?? reports[0]?.category ?? 'other';
    const department = action === 'dispatch' ? departmentFor(category, this.deps.random) : null;
    const note = action === 'close' ? CLOSING_NOTES[Math.floor(this.deps.random() * CLOSING_NOTES.length)] : undefined;
    const body = { action, expectedVersion: alert.version, ...(department ? { department } : {}), ...(note ? { note } : {}) };
    const answer = await this.request('POST', `/api/v1/alerts/${alert.id}/actions`, `POST /api/v1/alerts/{id}/actions ${action}`, body);
    if (answer === undefined) return;
    const result = alertActionResultSchema.safeParse(answer);
    if (!result.success) {
      const conflict = apiErrorSchema.safeParse(answer);
      if (conflict.success && conflict.data.error === 'alert_conflict') this.totals.conflicts += 1;
      else this.fail(`POST /api/v1/alerts/{id}/actions ${action}: ${conflict.success ? conflict.data.error : 'unexpected answer'}`);
      return;
    }
    this.totals[action as 'acknowledge' | 'dispatch' | 'report_in' | 'close'] += 1;
    if (pending.plan.kind === 'work') this.deps.log(`duty desk: ${action} ${alert.title.zh}${department ? ` → ${department}` : ''}`);
    if (action === 'dispatch') {
      const escalated = result.data.tickets.filter((ticket) => ticket.event === 'escalated').map((ticket) => ticket.ticketId);
      if (escalated.length > 0) this.taken.set(alert.id, { ticketIds: escalated, accepted: false });
    }
    if (taken && action === 'report_in') await this.moveTickets(taken, [{ type: 'accepted' }]);
    if (taken && action === 'close') {
      await this.moveTickets(taken, [...(taken.accepted ? [] : [{ type: 'accepted' as const }]), { type: 'resolved', note }]);
      this.taken.delete(alert.id);
    }
  }

  /** Records the events on every ticket the desk took over, a millisecond apart; a refusal is counted, not retried. */
  private async moveTickets(taken: Taken, events: ReadonlyArray<Pick<TicketEventInput, 'type' | 'note'>>): Promise<void> {
    const at = this.deps.now();
    const inputs = events.map((event, index): TicketEventInput => ({ ...event, at: new Date(at + index).toISOString() }));
    for (const ticketId of taken.ticketIds) {
      const outcome = await this.deps.tickets.post(ticketId, inputs, this.stopping.signal);
      if (outcome.kind === 'recorded') this.totals.ticketEvents += outcome.recorded;
      else this.fail(`ticket ${inputs.map((input) => input.type).join('+')}: ${outcome.reason}`);
    }
    if (events.some((event) => event.type === 'accepted')) taken.accepted = true;
  }

  /** The answer's JSON body (null when not JSON), or undefined when the request failed (counted and printed once per route). */
  private async request(method: 'GET' | 'POST', path: string, route: string, body?: unknown): Promise<unknown> {
    try {
      const response = await fetch(new URL(path, this.settings.baseUrl), {
        method,
        headers: await authorizedHeaders(this.deps.bearer, body !== undefined),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      return await response.json().catch(() => null);
    } catch (error) {
      if (!this.stopping.signal.aborted) this.fail(`${route}: ${networkReason(error)}`);
      return undefined;
    }
  }

  private fail(reason: string): void {
    this.totals.errors += 1;
    if (this.reasons.has(reason)) return;
    this.reasons.add(reason);
    this.deps.log(`warning (duty desk): ${reason}`);
  }
}

export function formatDutySummary(totals: DutyTotals): string {
  return [
    'duty desk:',
    `  alerts seen open  ${totals.seen}: worked ${totals.worked}, acknowledged only ${totals.acknowledgedOnly}, left alone ${totals.leftAlone}`,
    `  actions          acknowledge ${totals.acknowledge}, dispatch ${totals.dispatch}, 报到 ${totals.report_in}, close ${totals.close}; ` +
      `409 ${totals.conflicts}, already done ${totals.skipped}; ticket events ${totals.ticketEvents}; errors ${totals.errors}`,
  ].join('\n');
}
