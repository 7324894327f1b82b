import { ReportStore } from '@grid-command/clickhouse';
import {
  deadLetterIdSchema,
  deadLetterListQuerySchema,
  type DeadLetterList,
  type DeadLetterReplayed,
  type FieldIssue,
  type Report,
} from '@grid-command/contracts';
import { scopeOfCode, validateReportBatch, type ReferenceIndex } from '@grid-command/domain';
import { deadLetterIdOf, publishReportsStored, ReportDeadLetters, ReportLedger, type ParkedReport } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../../config/app-config';
import { CriticalAlerts } from '../../alerts';
import type { Principal } from '../../common/access';
import { auditActorOf } from '../../common/audit/audit-actor';
import { AUDIT_TRAIL, type AuditTrail } from '../../common/audit/audit-trail';
import { AppError } from '../../common/errors/app-error';
import { invalidInput } from '../../common/invalid-input';
import { APP_CONFIG, REDIS_COMMANDS, REFERENCE_INDEX } from '../../infrastructure/tokens';

/**
 * The operator's side of the dead letters: list them, and replay one (as queued, or corrected) once its cause is
 * fixed. A replay is checked as the API checks a report, stored under a deduplication token of its own that only a
 * failed replay changes (so a replay repeated after a crash is stored once), raises the report's critical alert, is
 * announced to live push as the worker announces a batch, and is recorded under the operator's name.
 */
@Injectable()
export class DeadLetterReplayService {
  private readonly logger = new Logger(DeadLetterReplayService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    private readonly deadLetters: ReportDeadLetters,
    private readonly ledger: ReportLedger,
    private readonly store: ReportStore,
    private readonly critical: CriticalAlerts,
  ) {}

  async list(query: unknown): Promise<DeadLetterList> {
    const parsed = deadLetterListQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    const page = await this.deadLetters.page(parsed.data.offset, parsed.data.limit);
    return { ...page, deadLetters: page.deadLetters.map((letter) => ({ ...letter, place: this.placeOfGrid(letter.gridCode) })) };
  }

  async replay(id: string, body: unknown, principal: Principal, sourceIp: string): Promise<DeadLetterReplayed> {
    const letterId = parseDeadLetterId(id);
    // The request is checked before the letter is looked up; the queued report only once it is found.
    const corrected = correctedReportOf(body);
    const checkedCorrection = corrected === undefined ? undefined : this.validated(corrected, true);
    const parked = await this.deadLetters.get(letterId);
    if (!parked) throw new AppError('not_found', `no dead letter ${letterId}`);
    const report = checkedCorrection ?? this.validated(parked.report, false);
    assertSameReport(parked, report);

    const [owned] = await this.ledger.claimForStore(parked.batchId, [report.id]);
    if (!owned) throw new AppError('conflict', `report ${report.id} was stored by another batch; this dead letter is a copy of it`);

    const token = `dead-letter:${letterId}:${parked.replays ?? 0}`;
    const batch = { batchId: parked.batchId, acceptedAt: parked.acceptedAt ?? parked.parkedAt, reports: [report] };
    const refused = await this.store.insertIsolatingFailures(batch, token).catch((error: Error) => {
      throw new AppError('unavailable', `ClickHouse is unavailable, dead letter ${letterId} kept: ${error.message}`, { retryAfterSeconds: 5 });
    });
    const actor = auditActorOf(principal);
    const [failure] = refused;
    if (failure) {
      const kept = await this.deadLetters.recordFailedReplay(parked, report, failure.reason);
      await this.audit.record({ action: 'dead_letter.replay', actor, target: letterId, outcome: 'failure', sourceIp, detail: { reportId: report.id, replays: kept.replays ?? 0, reason: failure.reason } });
      throw new AppError('report_dead_lettered', `replay of ${letterId} failed again, dead letter kept: ${failure.reason}`);
    }

    // The alert before the letter goes: should raising it fail, the letter stays, and its replay is stored once.
    await this.critical.raise([report], new Date());
    await this.deadLetters.remove(parked);
    await publishReportsStored(this.redis, { batchId: parked.batchId, gridCodes: [report.gridCode] }).catch((error: Error) =>
      this.logger.warn(`replayed ${letterId} but could not announce it: ${error.message}`),
    );
    await this.audit.record({ action: 'dead_letter.replay', actor, target: letterId, outcome: 'success', sourceIp, detail: { reportId: report.id, corrected: corrected !== undefined, replays: parked.replays ?? 0 } });
    return { id: letterId, reportId: report.id, stored: true };
  }

  /** The grid's street · community · grid names, so the operator reads where the report came from. */
  private placeOfGrid(gridCode: string | null): string | null {
    return gridCode !== null && this.reference.hasGrid(gridCode) ? (this.reference.placeName(scopeOfCode(gridCode)) ?? null) : null;
  }

  /** The report as the API would accept it now: the shared schema, the time bounds and the reference data. */
  private validated(candidate: unknown, corrected: boolean): Report {
    const validation = validateReportBatch(candidate, {
      now: new Date(),
      maxClockSkewMs: this.config.ingest.maxClockSkewMs,
      maxReportAgeMs: this.config.ingest.maxReportAgeMs,
      isKnownGrid: (code) => this.reference.hasGrid(code),
    });
    if (validation.kind === 'valid' && validation.reports.length === 1 && validation.reports[0]) return validation.reports[0];
    const issues: FieldIssue[] = validation.kind === 'valid' ? [{ index: 0, path: '', message: 'must be one report' }] : validation.issues;
    const named = issues.map((issue) => ({ ...issue, path: corrected ? ['report', issue.path].filter(Boolean).join('.') : issue.path }));
    const [first] = named;
    const what = corrected ? 'the corrected report' : 'the report as queued (send a corrected one as report)';
    const message = `${what}: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid'}`;
    throw new AppError(validation.kind === 'unknown_grid' ? 'unknown_grid' : 'invalid_body', message, { issues: named });
  }
}

function parseDeadLetterId(id: string): string {
  const parsed = deadLetterIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('invalid_parameter', `id: must be <batchId>#<index> (with # sent as %23), got ${JSON.stringify(id.slice(0, 80))}`);
  return parsed.data;
}

/** The corrected report of the body, if any: an empty body or `{}` replays the report as queued. */
function correctedReportOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid_body', 'body must be {} or { "report": <the corrected report> }');
  const unknownKeys = Object.keys(body).filter((key) => key !== 'report');
  if (unknownKeys.length > 0) throw new AppError('invalid_body', `${unknownKeys.join(', ')}: unknown field; send {} or { "report": <the corrected report> }`);
  return (body as { report?: unknown }).report;
}

/** A corrected report is the same report: it keeps the id the letter was parked with, when it had one. */
function assertSameReport(parked: ParkedReport, report: Report): void {
  const queuedId = (parked.report as { id?: unknown } | null)?.id;
  if (typeof queuedId === 'string' && queuedId.toLowerCase() !== report.id) {
    const message = `must keep the dead letter's report id ${queuedId.toLowerCase()}, got ${report.id}`;
    throw new AppError('invalid_body', `report.id: ${message} (dead letter ${deadLetterIdOf(parked)})`, { issues: [{ index: 0, path: 'report.id', message }] });
  }
}
