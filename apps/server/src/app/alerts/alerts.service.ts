import { AlertHistoryRepository, AlertSignalsRepository } from '@grid-command/clickhouse';
import {
  ACTIVE_ALERT_STATES,
  ALERT_STATES,
  alertActionRequestSchema,
  alertListQuerySchema,
  alertSchema,
  type Alert,
  type AlertActionResult,
  type AlertDetail,
  type AlertList,
  type AlertState,
  type AlertTicketOutcome,
} from '@grid-command/contracts';
import { allowedTicketEvents, compareAlerts, contains, maskPersonalData, muteTouches, parseScope, type ReferenceIndex } from '@grid-command/domain';
import { AlertMuteStore, AlertRecordStore, AlertReportSets } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { assertWithinGrants, readsPersonalData, type Principal } from '../common/access';
import { auditActorOf } from '../common/audit/audit-actor';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { resolveScope } from '../common/scope-resolver';
import { REFERENCE_INDEX } from '../infrastructure/tokens';
import { TicketService } from '../tickets';
import { AlertBook, AlertBusyError } from './alert-book.service';

/** How far back a list that asks for closed alerts looks when it names no `updatedSince`: what Redis still holds. */
const CLOSED_LOOK_BACK_MS = 7 * 24 * 3600_000;
const MAX_DETAIL_REPORTS = 200;

/**
 * The REST face of alerts: list, read, act. A list's scope is checked against the principal's grants before it gets
 * here; a single alert is checked once it is loaded (an unknown id answers 404 to anyone, a known one out of scope
 * 403: ids are random UUIDs, so learning that one exists tells nothing).
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly book: AlertBook,
    private readonly store: AlertRecordStore,
    private readonly reportSets: AlertReportSets,
    private readonly mutesStore: AlertMuteStore,
    private readonly history: AlertHistoryRepository,
    private readonly signals: AlertSignalsRepository,
    private readonly tickets: TicketService,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async list(rawQuery: unknown): Promise<AlertList> {
    const parsed = alertListQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    const query = parsed.data;
    const scope = resolveScope(this.reference, query.scope, 'scope');
    const states = parseStates(query.state);
    const now = Date.now();
    const onlyActive = states.every((state) => state !== 'closed');
    const source =
      query.updatedSince !== undefined
        ? await this.store.changedSince(Date.parse(query.updatedSince))
        : onlyActive
          ? await this.store.openAlerts()
          : await this.store.changedSince(now - CLOSED_LOOK_BACK_MS);
    const matching = source
      .filter((alert) => contains(scope, parseScope(alert.scope).code))
      .filter((alert) => states.includes(alert.state))
      .filter((alert) => query.category === undefined || alert.category === query.category)
      .sort(compareAlerts);
    const mutes = (await this.mutesStore.current(now)).filter((mute) => muteTouches(mute, scope.code));
    return {
      asOf: new Date(now).toISOString(),
      alerts: matching.slice(0, query.limit),
      truncated: matching.length > query.limit,
      mutes,
    };
  }

  /** The alert and its reports; residents' descriptions are masked for a principal who is not a duty officer. */
  async detail(id: string, principal: Principal): Promise<AlertDetail> {
    const alert = await this.findWithinGrants(id, principal);
    const ids = await this.reportSets.list(alert.id, MAX_DETAIL_REPORTS);
    const stored = await this.signals.reportsByIds(ids.length > 0 ? ids : alert.reportIds);
    const reports = readsPersonalData(principal) ? stored : stored.map((report) => ({ ...report, description: report.description === null ? null : maskPersonalData(report.description) }));
    return { alert, reports };
  }

  /** Applies an officer's action, recorded under the principal's name (and in the audit log, with the address it came from). */
  async act(id: string, body: unknown, principal: Principal, sourceIp: string): Promise<AlertActionResult> {
    const alertId = (await this.findWithinGrants(id, principal)).id;
    const parsed = alertActionRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const request = { ...parsed.data, by: principal.name };
    let outcome;
    try {
      outcome = await this.book.act(alertId, request, new Date());
    } catch (error) {
      if (error instanceof AlertBusyError) throw new AppError('unavailable', error.message);
      throw error;
    }
    if (outcome === null) {
      const archived = await this.history.latest(alertId);
      if (archived) throw conflict(`alert ${alertId} is ${archived.state} and no longer live`, archived);
      throw new AppError('not_found', `no alert ${alertId}`);
    }
    if (outcome.kind === 'conflict') throw conflict(outcome.message, outcome.alert);
    const tickets = request.action === 'dispatch' ? await this.dispatchTickets(outcome.alert, principal, sourceIp, request.department ?? '') : [];
    await this.audit.record({
      action: `alert.${request.action}`,
      actor: auditActorOf(principal),
      target: alertId,
      outcome: 'success',
      sourceIp,
      detail: { version: outcome.alert.version, state: outcome.alert.state, department: request.department ?? null, tickets: tickets.length },
    });
    return { alert: outcome.alert, tickets };
  }

  private async findWithinGrants(id: string, principal: Principal): Promise<Alert> {
    const alertId = parseAlertId(id);
    const alert = (await this.store.get(alertId)) ?? (await this.history.latest(alertId));
    if (!alert) throw new AppError('not_found', `no alert ${alertId}`);
    assertWithinGrants(principal, alert.scope, `alert ${alertId}`);
    return alert;
  }

  /**
   * Dispatching an alert dispatches its tickets (派单) or, where a department already has one, blows the whistle on
   * it (吹哨) so that department must report. A ticket that is past both (resolved, say) is listed as skipped. The
   * events are the officer's, so they are recorded under the officer's name and within the officer's grants.
   */
  private async dispatchTickets(alert: Alert, principal: Principal, sourceIp: string, department: string): Promise<AlertTicketOutcome[]> {
    const ids = alert.ticketId ? [alert.ticketId] : await this.reportSets.list(alert.id, MAX_DETAIL_REPORTS);
    const at = new Date().toISOString();
    const outcomes: AlertTicketOutcome[] = [];
    for (const ticketId of ids.length > 0 ? ids : alert.reportIds) {
      try {
        const { ticket } = await this.tickets.viewOnceStored(ticketId, PENDING_TICKET_WAIT_MS);
        const allowed = allowedTicketEvents(ticket.state);
        const type = allowed.includes('dispatched') ? 'dispatched' : allowed.includes('escalated') ? 'escalated' : null;
        if (type === null) {
          outcomes.push({ ticketId, event: null, skipped: `ticket is ${ticket.state}` });
          continue;
        }
        const note = `告警 ${alert.title.zh}`;
        await this.tickets.record(ticketId, { type, at, department, note }, principal, sourceIp);
        outcomes.push({ ticketId, event: type, skipped: null });
      } catch (error) {
        outcomes.push({ ticketId, event: null, skipped: (error as Error).message });
      }
    }
    return outcomes;
  }
}

/** A critical alert is raised before the worker has stored its report; a dispatch in that moment waits for it. */
const PENDING_TICKET_WAIT_MS = 5_000;

function parseAlertId(id: string): string {
  if (!alertSchema.shape.id.safeParse(id).success) {
    throw new AppError('invalid_parameter', `id: must be an alert's UUID, got ${JSON.stringify(id)}`);
  }
  return id.toLowerCase();
}

function parseStates(input: string | undefined): AlertState[] {
  if (input === undefined || input === '') return [...ACTIVE_ALERT_STATES];
  const states = input.split(',').map((state) => state.trim());
  const unknown = states.find((state) => !(ALERT_STATES as readonly string[]).includes(state));
  if (unknown !== undefined) throw new AppError('invalid_parameter', `state: ${unknown} is not one of ${ALERT_STATES.join(', ')}`);
  return states as AlertState[];
}

function conflict(message: string, alert: Alert): AppError {
  return new AppError('alert_conflict', message, { alert });
}

