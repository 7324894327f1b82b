import { TicketStore } from '@grid-command/clickhouse';
import {
  formatIssuePath,
  ticketEventInputSchema,
  ticketIdSchema,
  MAX_EVENTS_PER_REQUEST,
  type FieldIssue,
  type TicketEvent,
  type TicketEventInput,
  type TicketEventsAccepted,
  type TicketView,
} from '@grid-command/contracts';
import { applyTicketEvent, findRecordedEvent, type TicketRules } from '@grid-command/domain';
import { ReportLedger, TicketRecordStore, type TicketEventIntake, type TicketRecord } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { ApiException } from '../common/api.exception';
import { APP_CONFIG, REDIS_PRODUCER, TICKET_RULES } from '../infrastructure/tokens';
import { ticketEventId } from './ticket-event-id';
import { TicketLookup } from './ticket-lookup';
import { TICKET_EVENT_INTAKE } from './tickets.tokens';

/** Two requests racing on one ticket retry against the winner's record; more collisions than this is a hot loop. */
const MAX_RECORD_ATTEMPTS = 5;

interface LoadedRecord {
  readonly record: TicketRecord;
  /** The version stored in Redis, or null when the record was rebuilt from ClickHouse and is not in Redis yet. */
  readonly storedVersion: number | null;
}

/**
 * Tickets' live state. Redis holds each active ticket's record and is the authority for transitions; a ticket
 * whose record is not there (never touched, or closed long ago) is rebuilt from ClickHouse, where its report and
 * events are stored.
 */
@Injectable()
export class TicketService {
  private readonly ledger: ReportLedger;
  private readonly lookup: TicketLookup;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TICKET_RULES) private readonly rules: TicketRules,
    @Inject(REDIS_PRODUCER) redis: Redis,
    @Inject(TICKET_EVENT_INTAKE) private readonly intake: TicketEventIntake,
    private readonly store: TicketStore,
    private readonly records: TicketRecordStore,
  ) {
    this.ledger = new ReportLedger(redis);
    this.lookup = new TicketLookup(store);
  }

  async view(id: string): Promise<TicketView> {
    const { record } = await this.load(parseTicketId(id));
    return { ticket: record.ticket, history: [...record.history] };
  }

  /** Applies the events in order, all or none; events already recorded (same type and instant) are answered, not repeated. */
  async record(id: string, body: unknown): Promise<TicketEventsAccepted> {
    const ticketId = parseTicketId(id);
    const inputs = parseEvents(body);
    for (let attempt = 1; ; attempt += 1) {
      const { record, storedVersion } = await this.load(ticketId);
      const latestAllowed = new Date(Date.now() + this.config.ingest.maxClockSkewMs);
      let { ticket } = record;
      const history = [...record.history];
      const answered: TicketEvent[] = [];
      const fresh: TicketEvent[] = [];
      for (const [index, input] of inputs.entries()) {
        const recorded = findRecordedEvent(history, input);
        if (recorded) {
          answered.push(recorded);
          continue;
        }
        const outcome = applyTicketEvent(ticket, input, ticketEventId(ticketId, input.type, input.at), latestAllowed, this.rules);
        if (outcome.kind === 'illegal_transition') {
          throw new ApiException(409, 'illegal_transition', `event ${index}: ${outcome.message}`, undefined, outcome.currentState);
        }
        if (outcome.kind === 'invalid_event') {
          throw new ApiException(422, 'invalid_event', `event ${index} ${outcome.path}: ${outcome.message}`, [
            { index, path: outcome.path, message: outcome.message },
          ]);
        }
        ticket = outcome.ticket;
        history.push(outcome.event);
        answered.push(outcome.event);
        fresh.push(outcome.event);
      }
      if (fresh.length === 0) return { recorded: 0, duplicates: inputs.length, events: answered, ticket };

      const next: TicketRecord = { ticket, history };
      if (await this.records.compareAndRecord(storedVersion, next, fresh)) {
        await this.intake.submit(fresh.map((event) => ({ event, ticket, recordedAt: Date.now() })));
        return { recorded: fresh.length, duplicates: inputs.length - fresh.length, events: answered, ticket };
      }
      if (attempt >= MAX_RECORD_ATTEMPTS) {
        throw new ApiException(503, 'unavailable', `ticket ${ticketId} is being changed by many requests at once; retry`);
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
    const [accepted] = await this.ledger.taken([ticketId]);
    if (accepted) throw new ApiException(503, 'ticket_pending', `ticket ${ticketId} was reported moments ago and is still being stored; retry`);
    throw new ApiException(404, 'not_found', `no ticket ${ticketId}: no report with this id was accepted`);
  }
}

function parseTicketId(id: string): string {
  const parsed = ticketIdSchema.safeParse(id);
  if (!parsed.success) throw new ApiException(400, 'invalid_parameter', `id: must be a report's UUID, got ${JSON.stringify(id)}`);
  return parsed.data.toLowerCase();
}

function parseEvents(body: unknown): TicketEventInput[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > MAX_EVENTS_PER_REQUEST) {
    throw new ApiException(400, 'invalid_body', `send one event or an array of 1 to ${MAX_EVENTS_PER_REQUEST} events`);
  }
  const issues: FieldIssue[] = [];
  const events: TicketEventInput[] = [];
  items.forEach((item, index) => {
    const parsed = ticketEventInputSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else issues.push(...parsed.error.issues.map((issue) => ({ index, path: formatIssuePath(issue.path), message: issue.message })));
  });
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new ApiException(400, 'invalid_body', `event ${first.index}${first.path ? ` ${first.path}` : ''}: ${first.message}${more}`, issues);
  }
  return events;
}
