import { TicketStore } from '@grid-command/clickhouse';
import {
  issueField,
  ticketEventInputSchema,
  ticketIdSchema,
  MAX_EVENTS_PER_REQUEST,
  type FieldIssue,
  type AttributedTicketEvent,
  type TicketEvent,
  type TicketEventInput,
  type TicketEventsAccepted,
  type TicketSnapshot,
  type TicketView,
} from '@grid-command/contracts';
import { applyTicketEvent, findRecordedEvent, maskPersonalData, type TicketRules } from '@grid-command/domain';
import { ReportDeadLetters, ReportLedger, TicketRecordStore, type TicketRecord } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { assertWithinGrants, readsPersonalData, type Principal } from '../common/access';
import { auditActorOf } from '../common/audit/audit-actor';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, TICKET_RULES } from '../infrastructure/tokens';
import { ticketEventId } from './ticket-event-id';
import { TicketLookup } from './ticket-lookup';

/** Two requests racing on one ticket retry against the winner's record; more collisions than this is a hot loop. */
const MAX_RECORD_ATTEMPTS = 5;
const PENDING_POLL_MS = 100;

interface LoadedRecord {
  readonly record: TicketRecord;
  /** The version stored in Redis, or null when the record was rebuilt from ClickHouse and is not in Redis yet. */
  readonly storedVersion: number | null;
}

/**
 * Tickets' live state. Redis holds each active ticket's record and is the authority for transitions; a ticket
 * whose record is not there (never touched, or closed long ago) is rebuilt from ClickHouse, where its report and
 * events are stored. A ticket lies in its report's grid: a principal reads or moves it only within their grants
 * (checked once it is loaded, so an unknown id answers 404 to anyone), and every event is recorded under the
 * principal's name.
 */
@Injectable()
export class TicketService {
  private readonly lookup: TicketLookup;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TICKET_RULES) private readonly rules: TicketRules,
    private readonly ledger: ReportLedger,
    private readonly store: TicketStore,
    private readonly records: TicketRecordStore,
    private readonly deadLetters: ReportDeadLetters,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {
    this.lookup = new TicketLookup(store);
  }

  /** The ticket and its history; event notes are masked for a principal who is not a duty officer. */
  async view(id: string, principal: Principal): Promise<TicketView> {
    const { record } = await this.load(parseTicketId(id));
    assertWithinGrants(principal, record.ticket.gridCode, `ticket ${record.ticket.id}`);
    const history = readsPersonalData(principal) ? [...record.history] : record.history.map((event) => ({ ...event, note: event.note === null ? null : maskPersonalData(event.note) }));
    return { ticket: record.ticket, history };
  }

  /**
   * The ticket as it stands, for the server's own decisions (no principal, nothing masked), waiting up to `waitMs`
   * while its report is still being stored (`ticket_pending`); a dead-lettered report answers at once.
   */
  async viewOnceStored(id: string, waitMs: number): Promise<TicketView> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const { record } = await this.load(parseTicketId(id));
        return { ticket: record.ticket, history: [...record.history] };
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'ticket_pending') || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
      }
    }
  }

  /** Applies the events in order, all or none; events already recorded (same type and instant) are answered, not repeated. */
  async record(id: string, body: unknown, principal: Principal, sourceIp: string): Promise<TicketEventsAccepted> {
    const ticketId = parseTicketId(id);
    const inputs = parseEvents(body).map((input): AttributedTicketEvent => ({ ...input, actor: principal.name }));
    for (let attempt = 1; ; attempt += 1) {
      const { record, storedVersion } = await this.load(ticketId);
      assertWithinGrants(principal, record.ticket.gridCode, `ticket ${ticketId}`);
      const latestAllowed = new Date(Date.now() + this.config.ingest.maxClockSkewMs);
      let { ticket } = record;
      const history = [...record.history];
      const answered: TicketEvent[] = [];
      const fresh: TicketEvent[] = [];
      const freshVersions: TicketSnapshot[] = [];
      for (const [index, input] of inputs.entries()) {
        const recorded = findRecordedEvent(history, input);
        if (recorded) {
          answered.push(recorded);
          continue;
        }
        const outcome = applyTicketEvent(ticket, input, ticketEventId(ticketId, input.type, input.at), latestAllowed, this.rules);
        if (outcome.kind === 'illegal_transition') {
          throw new AppError('illegal_transition', `event ${index}: ${outcome.message}`, { currentState: outcome.currentState });
        }
        if (outcome.kind === 'invalid_event') {
          throw new AppError('invalid_event', `event ${index} ${outcome.path}: ${outcome.message}`, {
            issues: [{ index, path: outcome.path, message: outcome.message }],
          });
        }
        ticket = outcome.ticket;
        history.push(outcome.event);
        answered.push(outcome.event);
        fresh.push(outcome.event);
        freshVersions.push(outcome.ticket);
      }
      if (fresh.length === 0) return { recorded: 0, duplicates: inputs.length, events: answered, ticket };

      const next: TicketRecord = { ticket, history };
      if (await this.records.compareAndRecord(storedVersion, next, fresh, freshVersions)) {
        const actor = auditActorOf(principal);
        await Promise.all(
          fresh.map((event) =>
            this.audit.record({ action: `ticket.${event.type}`, actor, target: ticketId, outcome: 'success', sourceIp, detail: { seq: event.seq, state: event.stateAfter, department: event.department } }),
          ),
        );
        return { recorded: fresh.length, duplicates: inputs.length - fresh.length, events: answered, ticket };
      }
      if (attempt >= MAX_RECORD_ATTEMPTS) {
        throw new AppError('unavailable', `ticket ${ticketId} is being changed by many requests at once; retry`);
      }
    }
  }

  private async load(ticketId: string): Promise<LoadedRecord> {
    const live = await this.records.get(ticketId);
    if (live) return { record: live, storedVersion: live.ticket.version };
    const stored = await this.lookup.find(ticketId);
    if (stored) {
      // Most tickets are rebuilt for their first event, and a ticket at version 0 has no history to read.
      const history = stored.version === 0 ? [] : await this.store.history(ticketId);
      return { record: { ticket: stored, history: history.filter((event) => event.seq <= stored.version) }, storedVersion: null };
    }
    // Not stored: parked for an operator (said until it is replayed, also once the ledger forgot the id), or on its way.
    const [[accepted], deadLetter] = await Promise.all([this.ledger.taken([ticketId]), this.deadLetters.findByReport(ticketId)]);
    if (deadLetter) {
      throw new AppError('report_dead_lettered', `ticket ${ticketId}: its report was accepted but could not be stored (${deadLetter.reason}); it waits for an operator as dead letter ${deadLetter.id}`);
    }
    if (accepted) throw new AppError('ticket_pending', `ticket ${ticketId} was reported moments ago and is still being stored; retry`);
    throw new AppError('not_found', `no ticket ${ticketId}: no report with this id was accepted`);
  }
}

function parseTicketId(id: string): string {
  const parsed = ticketIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('invalid_parameter', `id: must be a report's UUID, got ${JSON.stringify(id)}`);
  return parsed.data.toLowerCase();
}

function parseEvents(body: unknown): TicketEventInput[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > MAX_EVENTS_PER_REQUEST) {
    throw new AppError('invalid_body', `send one event or an array of 1 to ${MAX_EVENTS_PER_REQUEST} events`);
  }
  const issues: FieldIssue[] = [];
  const events: TicketEventInput[] = [];
  items.forEach((item, index) => {
    const parsed = ticketEventInputSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else issues.push(...parsed.error.issues.map((issue) => ({ index, path: issueField(issue), message: issue.message })));
  });
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new AppError('invalid_body', `event ${first.index}${first.path ? ` ${first.path}` : ''}: ${first.message}${more}`, { issues });
  }
  return events;
}
